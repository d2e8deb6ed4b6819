package org.aidbridge.bot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/** Turns what the configuration says into an open SQLite connection set up the way we need. */
final class SqliteConnector {
  private static final String JDBC_PREFIX = "jdbc:sqlite:";
  private static final String MEMORY = ":memory:";
  private static final int BUSY_TIMEOUT_MS = 10_000;

  /**
   * Pages the write-ahead log may hold before a commit copies them into the database file (SQLite's
   * default is 1,000, 4 MB). The same pages (the outbox's and inbox's indexes, the raw inbox) are
   * written again and again between two checkpoints, and a checkpoint copies each once: at 1,000 a
   * third of all the bytes written were these copies (481 MB of 1,400 for 20,000 messages of the
   * load harness's channels' path), at 10,000 most of them go (943 MB in all). The log then grows
   * to about 40 MB on disk before it starts again from its beginning; a clean stop checkpoints it
   * away. A crash's recovery reads it once at the next start.
   */
  static final int WAL_AUTOCHECKPOINT_PAGES = 10_000;

  static {
    SqliteNativeLibrary.preferKeptCopy(); // before the driver loads its library
  }

  private SqliteConnector() {}

  /**
   * @param fileOrJdbcUrl a file path, {@code :memory:}, or a {@code jdbc:sqlite:} URL; the
   *     directories a file is to be in are created
   */
  static Connection connect(String fileOrJdbcUrl) {
    return connect(fileOrJdbcUrl, BUSY_TIMEOUT_MS);
  }

  /** As {@link #connect(String)}, waiting at most {@code busyTimeoutMs} for another's lock. */
  static Connection connect(String fileOrJdbcUrl, int busyTimeoutMs) {
    String url = jdbcUrl(fileOrJdbcUrl);
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // A commit reaches the operating system (it survives the process crashing) without waiting
    // for the disk; the store syncs the log where a power cut must not undo a commit: an inbound
    // message before it is acknowledged, outbound ones before they are sent
    // (Database#requireDurable).
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(busyTimeoutMs);
    // 8 MB of pages (the default is 2 MB): a batch of messages touches the outbox's and listings'
    // indexes at many places, and with too small a cache their pages are written out and read back
    // within one transaction (measured: about a quarter of the outbox inserts' CPU time at 100,000
    // rows). Grown into only as the database is used.
    config.setCacheSize(-8_000);
    // Savepoints (each message's handling, each listing) keep the pages they change in a
    // sub-journal, a temporary file by default: 5,000 messages of the load harness wrote 1.1 GB
    // into a 15 MB database, most of the process's system time. It only ever undoes a savepoint,
    // never recovers from a crash (the write-ahead log does), so memory loses nothing; it is
    // emptied when the outermost savepoint ends (one message's handling). Temporary tables and
    // sorts go to memory too; none of our queries makes a large one.
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    // Ids come back through RETURNING; otherwise the driver runs a statement of its own, prepared
    // afresh, after every INSERT to offer getGeneratedKeys, which nothing here calls.
    config.setGetGeneratedKeys(false);
    // Take the write lock at BEGIN: a transaction that reads, then writes, cannot be refused
    // half-way because another process wrote in between.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    try {
      Connection connection = config.createConnection(url);
      try (Statement pragma = connection.createStatement()) {
        pragma.execute("PRAGMA wal_autocheckpoint = " + WAL_AUTOCHECKPOINT_PAGES);
      }
      return connection;
    } catch (SQLException e) {
      throw new StoreException("cannot open the database: " + e.getMessage(), e);
    }
  }

  /** The write-ahead log of the database file the URL names, or null for one in memory. */
  static Path walFile(String jdbcUrl) {
    return databaseFile(jdbcUrl).map(file -> Path.of(file + "-wal")).orElse(null);
  }

  /**
   * The database file a SQLite {@code db} names (a file path or a {@code jdbc:sqlite:} URL, with or
   * without {@code file:} and a query), as an absolute path; empty for a database in memory.
   */
  static Optional<Path> databaseFile(String fileOrJdbcUrl) {
    String target = fileOrJdbcUrl;
    if (target.startsWith(JDBC_PREFIX)) {
      target = target.substring(JDBC_PREFIX.length());
    }
    if (target.startsWith("file:")) {
      target = target.substring("file:".length());
      if (target.startsWith("//")) {
        target = target.substring(2);
      }
    }
    int query = target.indexOf('?');
    String file = query < 0 ? target : target.substring(0, query);
    boolean inMemory =
        file.isEmpty() || file.startsWith(":") || fileOrJdbcUrl.contains("mode=memory");
    return inMemory ? Optional.empty() : Optional.of(Path.of(file).toAbsolutePath());
  }

  static String jdbcUrl(String fileOrJdbcUrl) {
    if (fileOrJdbcUrl.equals(MEMORY)) {
      return JDBC_PREFIX + MEMORY;
    }
    if (!fileOrJdbcUrl.startsWith(JDBC_PREFIX)) {
      Path file = Path.of(fileOrJdbcUrl).toAbsolutePath();
      createParentDirectories(file);
      return JDBC_PREFIX + file;
    }
    String target = fileOrJdbcUrl.substring(JDBC_PREFIX.length());
    boolean plainFile = !target.isEmpty() && !target.startsWith(":") && !target.startsWith("file:");
    if (plainFile) {
      int query = target.indexOf('?');
      createParentDirectories(Path.of(query < 0 ? target : target.substring(0, query)));
    }
    return fileOrJdbcUrl;
  }

  private static void createParentDirectories(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new StoreException("cannot create the database's directory " + parent, e);
    }
  }
}
