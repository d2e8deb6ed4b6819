package org.aidbridge.bot.store;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.aidbridge.bot.model.Address;

/**
 * The store in one SQLite database file (WAL mode, foreign keys on), through one connection that
 * threads take turns on: the default, one command and it runs.
 */
public final class SqliteStore extends JdbcStore {

  private final InstanceJournals journals; // null for a database in memory
  private final SqliteDatabase db;
  private final String databaseId; // null for a database in memory
  private final SnapshotFile snapshotFile; // null for a database in memory

  private SqliteStore(
      SqliteDatabase db,
      InstanceJournals journals,
      String databaseId,
      Path walFile,
      SentJournal sentJournal,
      RawJournal rawJournal,
      RandomGenerator random) {
    super(db, sentJournal, rawJournal, random);
    this.journals = journals;
    this.db = db;
    this.databaseId = databaseId;
    this.snapshotFile = walFile == null ? null : new SnapshotFile(snapshotBeside(walFile));
  }

  /** {@code <database>.match-index} for the write-ahead log {@code <database>-wal}. */
  private static Path snapshotBeside(Path walFile) {
    String wal = walFile.getFileName().toString();
    String database = wal.substring(0, wal.length() - "-wal".length());
    return walFile.resolveSibling(database + ".match-index");
  }

  /** {@code <database>.match-index} beside the database file; none in memory. */
  @Override
  public Optional<SnapshotFile> matchIndexSnapshotFile() {
    return Optional.ofNullable(snapshotFile);
  }

  /** The journal's last row (schema step 26; none in memory: no snapshot is kept). */
  @Override
  public Optional<ListingChangeMark> lastListingChange() {
    if (databaseId == null) {
      return Optional.empty();
    }
    return db.one(
        "SELECT seq, token FROM listing_changes ORDER BY seq DESC LIMIT 1",
        row -> new ListingChangeMark(databaseId, row.getLong(1), row.getLong(2)));
  }

  @Override
  public Optional<Set<Long>> listingsChangedAfter(ListingChangeMark mark) {
    if (databaseId == null || !databaseId.equals(mark.databaseId())) {
      return Optional.empty();
    }
    return db.inTransaction(
        () -> {
          boolean reaches =
              db.one(
                      "SELECT token FROM listing_changes WHERE seq = ?",
                      row -> row.getLong(1),
                      mark.seq())
                  .map(token -> token == mark.token())
                  .orElse(false);
          if (!reaches) {
            return Optional.<Set<Long>>empty();
          }
          Set<Long> changed = new HashSet<>();
          db.forEach(
              "SELECT DISTINCT listing_id FROM listing_changes WHERE seq > ?",
              row -> changed.add(row.getLong(1)),
              mark.seq());
          return Optional.of(changed);
        });
  }

  @Override
  public void forgetListingChangesBefore(ListingChangeMark mark) {
    if (databaseId != null && databaseId.equals(mark.databaseId())) {
      db.update("DELETE FROM listing_changes WHERE seq < ?", mark.seq());
    }
  }

  /**
   * As every store forgets, with the match index's snapshot deleted first ({@link SnapshotFile}).
   */
  @Override
  public void forget(Address who) {
    if (snapshotFile == null) {
      super.forget(who);
    } else {
      snapshotFile.forgetting(() -> super.forget(who));
    }
  }

  /** This store's journal of sends ({@code <database>-sent.<id>}), or null in memory. */
  Path sentJournalFile() {
    return journals == null ? null : journals.sentFile();
  }

  /** This store's journal of what channels read ({@code <database>-raw.<id>}), or null. */
  Path rawJournalFile() {
    return journals == null ? null : journals.rawFile();
  }

  @Override
  public void close() {
    try {
      super.close();
    } finally {
      if (journals != null) {
        journals.close();
      }
    }
  }

  /**
   * The database file {@code fileOrJdbcUrl} names (as {@link #open(String)} takes it), as an
   * absolute path; empty for a database in memory.
   */
  public static Optional<Path> databaseFile(String fileOrJdbcUrl) {
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
    Path walFile = SqliteConnector.walFile(SqliteConnector.jdbcUrl(fileOrJdbcUrl));
    SqliteDatabase db = new SqliteDatabase(connection, walFile);
    InstanceJournals journals = walFile == null ? null : InstanceJournals.claim(walFile);
    String databaseId = null;
    try {
      SchemaUpgrade.run(db);
      // What a killed run wrote down but may not have committed, before anything else happens;
      // only what was written for this database.
      if (journals != null) {
        databaseId = databaseId(db);
        journals.belongTo(databaseId);
        replay(db, journals.leftovers(databaseId));
      }
    } catch (RuntimeException e) {
      db.close();
      if (journals != null) {
        journals.close();
      }
      throw e;
    }
    SentJournal sent =
        journals == null ? SentJournal.beside(null) : SentJournal.at(journals.sentFile());
    RawJournal raw = journals == null ? RawJournal.beside(null) : RawJournal.at(journals.rawFile());
    return new SqliteStore(db, journals, databaseId, walFile, sent, raw, random);
  }

  /** The id this database was given when it was made (schema step 19). */
  private static String databaseId(SqliteDatabase db) {
    return db.one("SELECT id FROM database_identity WHERE one = 1", row -> row.getString(1))
        .orElseThrow(() -> new StoreException("the database has no id (database_identity)"));
  }

  /** Puts in the database what dead instances' journals name, then deletes those journals. */
  private static void replay(SqliteDatabase db, java.util.List<InstanceJournals.Leftover> left) {
    for (InstanceJournals.Leftover leftover : left) {
      try (leftover;
          SentJournal sent = SentJournal.at(leftover.sent());
          RawJournal raw = RawJournal.at(leftover.raw())) {
        new OutboxTable(db).recordJournaled(sent);
        new RawInboundTable(db).insertJournaled(raw);
      }
    }
  }
}
