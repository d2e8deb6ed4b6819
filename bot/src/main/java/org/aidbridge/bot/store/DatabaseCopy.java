package org.aidbridge.bot.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies a SQLite database into an empty PostgreSQL one, row for row, in one transaction on the
 * target, and checks that every table has as many rows on both sides before it commits. Both are
 * brought to the same schema version first (each store runs Flyway when it opens), so the tables
 * and columns are the same. Ids are copied as they are, and each id sequence then continues after
 * the highest.
 *
 * <p>The source must not change meanwhile: stop the bot first.
 */
public final class DatabaseCopy {
  private static final String HISTORY = "flyway_schema_history";

  /**
   * Not copied: PostgreSQL draws its own version of the subscriptions (schema step 25) as they are
   * copied in, and the SQLite row would collide with it.
   */
  private static final String SUBSCRIPTIONS_VERSION = "subscriptions_version";

  /**
   * Not copied: the journal of listing changes serves only the match index's snapshot beside a
   * SQLite file (schema step 26); PostgreSQL keeps none.
   */
  private static final String LISTING_CHANGES = "listing_changes";

  private static final int BATCH = 500;

  private DatabaseCopy() {}

  /** What was copied: each table with its row count, the same on both sides. */
  public record Report(Map<String, Long> rowsPerTable) {
    public long totalRows() {
      return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * @param sqliteFileOrUrl the source, as {@link SqliteStore#open(String)} takes it (upgraded to
   *     the current schema first)
   * @param target the PostgreSQL database to fill, which must be empty
   * @throws StoreException if the target holds any row, a table of the source is missing from it,
   *     or the counts differ (then nothing is kept)
   */
  public static Report copy(String sqliteFileOrUrl, PostgresStore target) {
    SqliteStore.open(sqliteFileOrUrl).close();
    try (Connection source = SqliteConnector.connect(sqliteFileOrUrl);
        Connection into = target.dataSource().getConnection()) {
      List<String> tables = inDependencyOrder(into, tables(source));
      requireEmpty(into, tables);
      into.setAutoCommit(false);
      try {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
          long copied = copyTable(source, into, table);
          long there = count(into, table);
          long here = count(source, table);
          if (copied != here || there != here) {
            throw new StoreException(
                "table " + table + " has " + here + " rows but " + there + " arrived");
          }
          counts.put(table, there);
        }
        continueIdSequences(into, tables);
        into.commit();
        return new Report(Collections.unmodifiableMap(counts));
      } catch (SQLException | RuntimeException e) {
        into.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("could not copy the database: " + e.getMessage(), e);
    }
  }

  private static List<String> tables(Connection sqlite) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = sqlite.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite_%' AND name <> '"
                    + HISTORY
                    + "' AND name <> '"
                    + SUBSCRIPTIONS_VERSION
                    + "' AND name <> '"
                    + LISTING_CHANGES
                    + "' ORDER BY name")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  /** The tables with those that others refer to first, so foreign keys hold at every insert. */
  private static List<String> inDependencyOrder(Connection postgres, List<String> tables)
      throws SQLException {
    DatabaseMetaData meta = postgres.getMetaData();
    Map<String, Set<String>> refersTo = new LinkedHashMap<>();
    for (String table : tables) {
      Set<String> parents = new LinkedHashSet<>();
      boolean exists;
      try (ResultSet rs = meta.getTables(null, null, table, new String[] {"TABLE"})) {
        exists = rs.next();
      }
      if (!exists) {
        throw new StoreException(
            "table " + table + " is not in the target database: is it of another AidBridge?");
      }
      try (ResultSet rs = meta.getImportedKeys(null, null, table)) {
        while (rs.next()) {
          parents.add(rs.getString("PKTABLE_NAME"));
        }
      }
      parents.remove(table);
      refersTo.put(table, parents);
    }
    List<String> ordered = new ArrayList<>();
    while (ordered.size() < tables.size()) {
      for (String table : tables) {
        if (!ordered.contains(table) && ordered.containsAll(refersTo.get(table))) {
          ordered.add(table);
        }
      }
    }
    return ordered;
  }

  private static void requireEmpty(Connection postgres, List<String> tables) throws SQLException {
    for (String table : tables) {
      long rows = count(postgres, table);
      if (rows > 0) {
        throw new StoreException(
            "the target database is not empty (table "
                + table
                + " has "
                + rows
                + " rows): migrate-db copies into an empty database only");
      }
    }
  }

  private static long copyTable(Connection source, Connection into, String table)
      throws SQLException {
    long copied = 0;
    try (Statement read = source.createStatement();
        ResultSet rows = read.executeQuery("SELECT * FROM " + table)) {
      ResultSetMetaData columns = rows.getMetaData();
      int width = columns.getColumnCount();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= width; i++) {
        names.add(columns.getColumnName(i));
      }
      String insert =
          "INSERT INTO "
              + table
              + " ("
              + String.join(", ", names)
              + ") VALUES ("
              + String.join(", ", Collections.nCopies(width, "?"))
              + ")";
      try (PreparedStatement write = into.prepareStatement(insert)) {
        while (rows.next()) {
          for (int i = 1; i <= width; i++) {
            write.setObject(i, rows.getObject(i));
          }
          write.addBatch();
          if (++copied % BATCH == 0) {
            write.executeBatch();
          }
        }
        write.executeBatch();
      }
    }
    return copied;
  }

  /** Each identity column's sequence goes on after the highest id copied. */
  private static void continueIdSequences(Connection postgres, List<String> tables)
      throws SQLException {
    List<String> withIds = new ArrayList<>();
    try (Statement s = postgres.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name FROM information_schema.columns"
                    + " WHERE table_schema = current_schema() AND column_name = 'id'"
                    + " AND is_identity = 'YES'")) {
      while (rs.next()) {
        withIds.add(rs.getString(1));
      }
    }
    withIds.retainAll(tables);
    for (String table : withIds) {
      try (PreparedStatement s =
          postgres.prepareStatement(
              "SELECT setval(pg_get_serial_sequence(?, 'id'),"
                  + " (SELECT COALESCE(MAX(id), 0) + 1 FROM "
                  + table
                  + "), false)")) {
        s.setString(1, table);
        s.execute();
      }
    }
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
