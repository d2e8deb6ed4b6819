package org.aidbridge.bot.service;

import static org.aidbridge.bot.store.StoreFixtures.T0;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;

/**
 * A SQLite store in a file, for the tests of housekeeping's pages: another connection to the file
 * sees only what each page committed, and can add triggers the store knows nothing of.
 */
final class FileStoreFixture implements AutoCloseable {
  /** Reads one row of a query. */
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private final Path file;
  private final Store store;

  private FileStoreFixture(Path file) {
    this.file = file;
    this.store = SqliteStore.open(file.toString());
  }

  static FileStoreFixture in(Path dir) {
    return new FileStoreFixture(dir.resolve("aidbridge.db"));
  }

  Store store() {
    return store;
  }

  Housekeeping housekeeping() {
    return Bots.housekeeping(store, BotSettings.DEFAULT, Clock.fixed(T0, ZoneOffset.UTC));
  }

  /**
   * Runs {@code work} while another thread stores arriving Telegram updates, one after another,
   * until the work is over.
   */
  void whileMessagesArrive(Instant at, Runnable work) throws InterruptedException {
    AtomicBoolean done = new AtomicBoolean();
    Thread arriving =
        new Thread(
            () -> {
              int n = 0;
              while (!done.get()) {
                store.storeRawInbound(Channel.TELEGRAM, "{\"update_id\":" + n++ + "}", at);
              }
            },
            "arriving-messages");
    arriving.start();

    try {
      work.run();
    } finally {
      done.set(true);
      arriving.join();
    }
  }

  void execute(String sql) throws SQLException {
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = other.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Read by another connection, as committed. */
  <T> List<T> query(String sql, RowReader<T> reader) throws SQLException {
    List<T> rows = new ArrayList<>();
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = other.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      while (row.next()) {
        rows.add(reader.read(row));
      }
    }
    return rows;
  }

  /** Counted by another connection, as committed. */
  long count(String table) {
    try {
      return query("SELECT count(*) FROM " + table, row -> row.getLong(1)).get(0);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    store.close();
  }
}
