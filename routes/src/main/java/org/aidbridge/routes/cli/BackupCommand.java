package org.aidbridge.routes.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.aidbridge.routes.config.ConfigException;
import org.aidbridge.routes.config.Paths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Copy the database to FILE, safely while the bot runs: the copy holds everything committed"
          + " when it began (SQLite's VACUUM INTO), is checked, and replaces FILE only when"
          + " complete.",
      "Restore: stop the bot, remove the database and its -wal and -shm files, put the copy in"
          + " its place, start the bot. See docs/deploy.md."
    })
final class BackupCommand implements Callable<Integer> {
  private static final String SQLITE_JDBC = "jdbc:sqlite:";

  @ParentCommand AidBridgeCli parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Where to write the copy (replaced if it exists).")
  Path file;

  @Override
  public Integer call() throws Exception {
    Core core = Core.from(parent.settings());
    Path workingDir = parent.environment().workingDir();
    String db = Paths.database(core.settings(), workingDir);
    if (Paths.isPostgres(db)) {
      throw new ConfigException(
          "db",
          "is a PostgreSQL database: back it up with pg_dump, as docs/deploy.md shows"
              + " (this command copies a SQLite file)");
    }
    Path database = databaseFile(db);
    Path target = workingDir.resolve(file).toAbsolutePath().normalize();
    PrintWriter out = spec.commandLine().getOut();
    // Before the copy: each such file is as large as a backup, and the copy needs the space.
    int removed =
        Files.isDirectory(target.getParent())
            ? UnfinishedCopies.removeStale(target.getParent(), Instant.now())
            : 0;
    if (removed > 0) {
      out.println(
          "Deleted "
              + removed
              + " unfinished "
              + (removed == 1 ? "copy" : "copies")
              + " that killed backups left in "
              + target.getParent()
              + ".");
    }
    long bytes = SqliteBackup.copy(database, target);
    out.println("Backed up " + database + " to " + target + " (" + bytes + " bytes, checked).");
    out.flush();
    return 0;
  }

  /** The file behind {@code db}: a path, or a {@code jdbc:sqlite:} URL naming a plain file. */
  static Path databaseFile(String db) {
    String target = db.startsWith(SQLITE_JDBC) ? db.substring(SQLITE_JDBC.length()) : db;
    int query = target.indexOf('?');
    target = query < 0 ? target : target.substring(0, query);
    if (target.isEmpty() || target.startsWith(":") || target.startsWith("file:")) {
      throw new ConfigException(
          "db", "is not a plain database file (in memory, or a file: URI): nothing to back up");
    }
    return Path.of(target).toAbsolutePath().normalize();
  }
}
