package org.aidbridge.bot.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The store in one SQLite database file (WAL mode, foreign keys on), through one connection that
 * threads take turns on: the default, one command and it runs.
 */
public final class SqliteStore extends JdbcStore {

  private SqliteStore(
      SqliteDatabase db, SentJournal sentJournal, RawJournal rawJournal, RandomGenerator random) {
    super(db, sentJournal, rawJournal, random);
  }

  /**
   * The database file {@code fileOrJdbcUrl} names (as {@link #open(String)} takes it), as an
   * absolute path; empty for a database in memory.
   */
  public static java.util.Optional<java.nio.file.Path> databaseFile(String fileOrJdbcUrl) {
    return SqliteConnector.databaseFile(fileOrJdbcUrl);
  }

  /**
   * Opens (creating if needed) the database and brings its schema up to date.
   *
   * @param fileOrJdbcUrl a file path (missing parent directories are created), {@code :memory:} for
   *     a database that lives as long as the store, or a {@code jdbc:sqlite:} URL
   */
  public static SqliteStore open(String fileOrJdbcUrl) {
    return open(fileOrJdbcUrl, new SecureRandom());
  }

  /**
   * As {@link #open(String)}, waiting at most {@code busyTimeout} when another process holds the
   * database's write lock (the default is 10 s).
   */
  public static SqliteStore open(String fileOrJdbcUrl, Duration busyTimeout) {
    return open(
        SqliteConnector.connect(fileOrJdbcUrl, (int) busyTimeout.toMillis()),
        fileOrJdbcUrl,
        new SecureRandom());
  }

  /** As {@link #open(String)}, drawing listing references from {@code random}. */
  static SqliteStore open(String fileOrJdbcUrl, RandomGenerator random) {
    return open(SqliteConnector.connect(fileOrJdbcUrl), fileOrJdbcUrl, random);
  }

  private static SqliteStore open(
      Connection connection, String fileOrJdbcUrl, RandomGenerator random) {
    java.nio.file.Path walFile = SqliteConnector.walFile(SqliteConnector.jdbcUrl(fileOrJdbcUrl));
    SqliteDatabase db = new SqliteDatabase(connection, walFile);
    SentJournal sent = SentJournal.beside(walFile);
    RawJournal raw = RawJournal.beside(walFile);
    try {
      SchemaUpgrade.run(db);
      // What a killed run wrote down but may not have committed, before anything else happens.
      new OutboxTable(db).recordJournaled(sent);
      new RawInboundTable(db).insertJournaled(raw);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return new SqliteStore(db, sent, raw, random);
  }
}
