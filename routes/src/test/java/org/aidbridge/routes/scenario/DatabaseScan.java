package org.aidbridge.routes.scenario;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every column of every row of every table of the SQLite file, as found in {@code
 * sqlite_master}: what the bot keeps, whoever wrote the schema.
 */
final class DatabaseScan {
  private DatabaseScan() {}

  /** Each cell holding {@code needle} (ignoring case), as {@code table.column = value}. */
  static List<String> cellsContaining(Path database, String needle) throws SQLException {
    List<String> found = new ArrayList<>();
    String lower = needle.toLowerCase(java.util.Locale.ROOT);
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database)) {
      for (String table : tables(db)) {
        try (Statement st = db.createStatement();
            ResultSet rows = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int c = 1; c <= columns; c++) {
              Object value = rows.getObject(c);
              String text =
                  value instanceof byte[] bytes ? new String(bytes) : String.valueOf(value);
              if (value != null && text.toLowerCase(java.util.Locale.ROOT).contains(lower)) {
                found.add(table + "." + rows.getMetaData().getColumnName(c) + " = " + text);
              }
            }
          }
        }
      }
    }
    return found;
  }

  /** The tables of the database (SQLite's own excepted). */
  static List<String> tables(Connection db) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement st = db.createStatement();
        ResultSet rows =
            st.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }

  /** How many tables there are, so a test can tell the scan read something. */
  static int tableCount(Path database) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database)) {
      return tables(db).size();
    }
  }
}
