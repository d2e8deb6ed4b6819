package org.aidbridge.bot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Test help: empties every table of a PostgreSQL store, faster than a new database. */
public final class PostgresTables {
  private PostgresTables() {}

  /**
   * Every table but Flyway's history, emptied, their ids starting again from 1. DELETE with the
   * foreign keys' triggers off is quicker than TRUNCATE for tables this small.
   */
  public static void empty(SharedDatabase store) {
    try (Connection connection = store.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      List<String> sequences = new ArrayList<>();
      try (var rs =
          statement.executeQuery(
              "SELECT t.tablename, (SELECT pg_get_serial_sequence(c.table_name, 'id')"
                  + " FROM information_schema.columns c WHERE c.table_schema = t.schemaname"
                  + " AND c.table_name = t.tablename AND c.column_name = 'id')"
                  + " FROM pg_tables t WHERE t.schemaname = current_schema()"
                  + " AND t.tablename <> 'flyway_schema_history'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
          if (rs.getString(2) != null) {
            sequences.add(rs.getString(2));
          }
        }
      }
      StringBuilder sql = new StringBuilder("SET session_replication_role = replica;");
      tables.forEach(t -> sql.append("DELETE FROM ").append(t).append(';'));
      sequences.forEach(q -> sql.append("SELECT setval('").append(q).append("', 1, false);"));
      sql.append("SET session_replication_role = DEFAULT;");
      statement.execute(sql.toString());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty the test database: " + e.getMessage(), e);
    }
  }
}
