package org.aidbridge.routes.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.aidbridge.bot.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write every listing as CSV to stdout: ref, id, kind, category, items, place, urgency,"
          + " status, created, expires, text.",
      "Contacts are left out unless --include-contacts is given: keep such a file safe."
    })
final class ExportCommand implements Callable<Integer> {
  @ParentCommand AidBridgeCli parent;
  @Spec CommandSpec spec;

  @Option(
      names = "--include-contacts",
      description = "Add a contact column (email address or other contact of each author).")
  boolean includeContacts;

  @Override
  public Integer call() throws IOException {
    Core core = Core.from(parent.settings());
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = core.openStore(parent.environment().workingDir())) {
      new ListingExporter(store).export(out, includeContacts);
    }
    out.flush();
    return 0;
  }
}
