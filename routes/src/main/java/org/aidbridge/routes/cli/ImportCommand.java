package org.aidbridge.routes.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aidbridge.bot.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import listings from a spreadsheet saved as CSV (UTF-8, header row).",
      "Columns: text (required); optional id (your own id, kept), kind (need|offer), category"
          + " (ids separated by ;), place, contact, created (2024-05-01 or 2024-05-01T14:30:00Z).",
      "kind, category and place override what AidBridge reads in the text. Importing the same"
          + " file again adds nothing twice. A contact that is an email address (or"
          + " telegram:<id>, signal:<uuid>) is told of matches; any other contact is kept for"
          + " export but never written to.",
      "Exit status: 0 when every row was imported or already there, 1 when some rows were bad."
    })
final class ImportCommand implements Callable<Integer> {
  @ParentCommand AidBridgeCli parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE.csv", description = "The CSV file.")
  Path file;

  @Override
  public Integer call() throws IOException {
    Core core = Core.from(parent.settings());
    Path csv = parent.environment().workingDir().resolve(file);
    ImportReport report;
    try (Store store = core.openStore(parent.environment().workingDir());
        Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      ImportRowMapper mapper =
          new ImportRowMapper(
              core.parser(),
              core.places(),
              core.botSettings(),
              parent.environment().clock().instant());
      report = new ListingImporter(store, mapper).importCsv(reader);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + csv);
    }
    PrintWriter err = spec.commandLine().getErr();
    report.problems().forEach(problem -> err.println(file + ": " + problem));
    err.flush();
    PrintWriter out = spec.commandLine().getOut();
    out.println(report.summary());
    out.flush();
    return report.problems().isEmpty() ? 0 : 1;
  }
}
