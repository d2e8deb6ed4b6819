package org.aidbridge.routes.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aidbridge.bot.store.DatabaseCopy;
import org.aidbridge.bot.store.PostgresStore;
import org.aidbridge.routes.config.ConfigException;
import org.aidbridge.routes.config.DatabaseSettings;
import org.aidbridge.routes.config.Paths;
import org.aidbridge.routes.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "migrate-db",
    mixinStandardHelpOptions = true,
    description = {
      "Copy the SQLite database (db) into an empty PostgreSQL database, in one transaction, and"
          + " check that every table has as many rows on both sides.",
      "Stop the bot first. The login comes from AIDBRIDGE_DB_USER and AIDBRIDGE_DB_PASSWORD."
          + " Then set db (AIDBRIDGE_DB) to the same URL and start the bot. See the README."
    })
final class MigrateDbCommand implements Callable<Integer> {
  @ParentCommand AidBridgeCli parent;
  @Spec CommandSpec spec;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "URL",
      description = "The PostgreSQL database to fill: jdbc:postgresql://host:5432/database")
  String to;

  @Override
  public Integer call() {
    Settings settings = parent.settings();
    Core.from(settings);
    String source = Paths.database(settings, parent.environment().workingDir());
    if (Paths.isPostgres(source)) {
      throw new ConfigException("db", "is PostgreSQL already: migrate-db copies a SQLite database");
    }
    if (!Paths.isPostgres(to)) {
      throw new ParameterException(
          spec.commandLine(),
          "--to must be a PostgreSQL URL: jdbc:postgresql://host:5432/database");
    }
    DatabaseCopy.Report report;
    try (PostgresStore target =
        PostgresStore.open(
            DatabaseSettings.login(settings, to), DatabaseSettings.poolSize(settings))) {
      report = DatabaseCopy.copy(source, target);
    }
    PrintWriter out = spec.commandLine().getOut();
    for (Map.Entry<String, Long> table : report.rowsPerTable().entrySet()) {
      out.println(table.getKey() + ": " + table.getValue() + " rows");
    }
    out.println(
        "Copied "
            + report.totalRows()
            + " rows in "
            + report.rowsPerTable().size()
            + " tables; the counts match. Set db (AIDBRIDGE_DB) to the new URL and start the bot.");
    out.flush();
    return 0;
  }
}
