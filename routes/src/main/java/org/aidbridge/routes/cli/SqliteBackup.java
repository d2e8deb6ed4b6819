package org.aidbridge.routes.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A consistent copy of a live SQLite database, taken with {@code VACUUM INTO} while the bot keeps
 * writing.
 *
 * <p>Why {@code VACUUM INTO} and not the driver's {@code backup to} (SQLite's page-by-page backup
 * API): it copies inside one read transaction, so in WAL mode it sees exactly the transactions
 * committed when it began (the WAL's included) and never blocks the bot's writes; the page-by-page
 * API instead starts over whenever another connection writes between its steps, which on a busy bot
 * can go on for a long time. The copy is one self-contained, compacted file (no {@code -wal} to
 * carry along), and the same statement works in the {@code sqlite3} shell.
 *
 * <p>The copy is written next to the target under a temporary name, checked ({@code PRAGMA
 * quick_check}), flushed to disk, and only then moved onto the target, so a backup interrupted
 * half-way never leaves a half-written file under the target's name.
 */
final class SqliteBackup {
  private static final int BUSY_TIMEOUT_MS = 10_000;

  private SqliteBackup() {}

  /**
   * Copies the database in {@code source} to {@code target} (replacing it if it exists).
   *
   * @return the size of the copy in bytes
   */
  static long copy(Path source, Path target) throws IOException, SQLException {
    if (!Files.isRegularFile(source)) {
      throw new IllegalArgumentException("there is no database at " + source);
    }
    if (target.equals(source) || (Files.exists(target) && Files.isSameFile(target, source))) {
      throw new IllegalArgumentException("the backup cannot replace the database itself");
    }
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path partial = UnfinishedCopies.partialOf(dir.resolve(target.getFileName()));
    try {
      vacuumInto(source, partial);
      requireIntact(partial);
      try (FileChannel file = FileChannel.open(partial, StandardOpenOption.WRITE)) {
        file.force(true);
      }
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return Files.size(target);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static void vacuumInto(Path source, Path partial) throws SQLException {
    try (Connection live = open(source);
        PreparedStatement vacuum = live.prepareStatement("VACUUM INTO ?")) {
      vacuum.setString(1, partial.toString());
      vacuum.execute();
    }
  }

  private static void requireIntact(Path copy) throws SQLException {
    try (Connection db = open(copy);
        Statement check = db.createStatement();
        ResultSet result = check.executeQuery("PRAGMA quick_check")) {
      String verdict = result.next() ? result.getString(1) : "no answer";
      if (!"ok".equals(verdict)) {
        throw new SQLException("the copy failed its integrity check: " + verdict);
      }
    }
  }

  private static Connection open(Path file) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement pragma = connection.createStatement()) {
      // The bot may hold the write lock for a moment (a checkpoint); wait for it as the bot does.
      pragma.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }
}
