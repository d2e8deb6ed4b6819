package org.aidbridge.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.aidbridge.bot.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On PostgreSQL too, each page of the retention's erasure seeks the index of listings not erased
 * yet from where the last page ended, among many listings already erased and many still active
 * (planned with the table's statistics, as the server would).
 */
class PostgresLifecycleQueryPlanTest {
  private static final long CUTOFF = 5_000;

  private static DatabaseLogin login;
  private static Connection raw;

  @BeforeAll
  static void fill() throws SQLException {
    login = TestPostgres.shared().newDatabase();
    PostgresStore.open(login, 2).close();
    raw = DriverManager.getConnection(login.jdbcUrl(), login.user(), login.password());
    try (Statement statement = raw.createStatement()) {
      // 40,000 listings: a quarter active, a half closed and erased long ago, a quarter to erase,
      // a hundred at a time ending at the same moment.
      statement.execute(
          """
          INSERT INTO listings (ref, kind, status, text, items_json, urgency, created_at,
                                expires_at, author_channel, author_id, author_is_group, language)
          SELECT 'R-' || i, 'NEED',
                 CASE WHEN i % 4 = 0 THEN 'OPEN' ELSE 'EXPIRED' END,
                 CASE WHEN i % 4 IN (1, 2) THEN '' ELSE 'need rice' END,
                 '[]', 'NORMAL', 10, 1000 + i / 100, 'email',
                 CASE WHEN i % 4 IN (1, 2) THEN 'erased' ELSE 'someone@example.org' END,
                 0, 'en'
            FROM generate_series(1, 40000) AS i
          """);
      statement.execute("ANALYZE listings");
      // 40,000 inbound messages and 40,000 outbox entries: a half finished and old, a quarter
      // finished and recent, a quarter in flight (not handled; pending or claimed), a hundred at a
      // time at the same moment; a tenth of the finished entries given up on.
      statement.execute(
          """
          INSERT INTO inbox (channel, channel_message_id, sender_channel, sender_id,
                             sender_is_group, text, addressed_to_bot, sender_is_group_admin,
                             received_at, processed)
          SELECT 'email', 'm' || i, 'email', 'someone@example.org', 0, 'need rice', 1, 0,
                 CASE WHEN i % 4 = 3 THEN 9000 ELSE 1000 + i / 100 END,
                 CASE WHEN i % 4 = 0 THEN 0 ELSE 1 END
            FROM generate_series(1, 40000) AS i
          """);
      statement.execute(
          """
          INSERT INTO outbox (status, channel, recipient_id, recipient_is_group, text, language,
                              choices_json, created_at, not_before, sent_at)
          SELECT CASE WHEN i % 4 = 0 THEN (CASE WHEN i % 8 = 0 THEN 'PENDING' ELSE 'SENDING' END)
                      WHEN i % 10 = 1 THEN 'DEAD_LETTER' WHEN i % 10 = 5 THEN 'UNDELIVERABLE'
                      ELSE 'SENT' END,
                 'email', 'someone@example.org', 0, 'offer found', 'en', '[]',
                 CASE WHEN i % 4 = 3 THEN 9000 ELSE 1000 + i / 100 END, 0,
                 CASE WHEN i % 4 = 0 OR i % 10 IN (1, 5) THEN NULL
                      WHEN i % 4 = 3 THEN 9000 ELSE 1000 + i / 100 END
            FROM generate_series(1, 40000) AS i
          """);
      statement.execute("ANALYZE inbox");
      statement.execute("ANALYZE outbox");
    }
  }

  @AfterAll
  static void close() throws SQLException {
    raw.close();
  }

  @Test
  void aPageToEraseSeeksTheCursorsIdAmongListingsEndingAtItsTime() throws SQLException {
    assertThat(plan(LifecycleTable.TO_ERASE_SAME_END_SQL, CUTOFF, 1200L, 20_000L, 500))
        .anyMatch(step -> step.contains("Index") && step.contains("listings_to_erase"))
        .anyMatch(step -> step.contains("Index Cond") && step.contains("id >"))
        .noneMatch(step -> step.contains("Seq Scan"));
  }

  @Test
  void aPageToEraseSeeksTheListingsEndingAfterTheCursorsTime() throws SQLException {
    assertThat(plan(LifecycleTable.TO_ERASE_LATER_END_SQL, CUTOFF, 1200L, CUTOFF, 500))
        .anyMatch(step -> step.contains("Index") && step.contains("listings_to_erase"))
        .noneMatch(step -> step.contains("Seq Scan"))
        .noneMatch(step -> step.contains("Sort"));
  }

  @ParameterizedTest
  @EnumSource(RetainedRows.class)
  void aPageOfOldRowsSeeksTheCursorsIdAmongRowsOfItsTime(RetainedRows rows) throws SQLException {
    assertThat(plan(rows.sameTimeSql(Dialect.POSTGRESQL), 1200L, 20_000L, 500))
        .anyMatch(step -> step.contains("Index") && step.contains(rows.index()))
        .anyMatch(step -> step.contains("Index Cond") && step.contains("id >"))
        .noneMatch(step -> step.contains("Seq Scan"));
  }

  @ParameterizedTest
  @EnumSource(RetainedRows.class)
  void aPageOfOldRowsSeeksTheRowsAfterTheCursorsTimeInOrder(RetainedRows rows) throws SQLException {
    assertThat(plan(rows.laterTimeSql(Dialect.POSTGRESQL), 1200L, CUTOFF, 500))
        .anyMatch(step -> step.contains("Index") && step.contains(rows.index()))
        .noneMatch(step -> step.contains("Seq Scan"))
        .noneMatch(step -> step.contains("Sort"));
  }

  @ParameterizedTest
  @EnumSource(RetainedRows.class)
  void aPagesDeleteFindsItsRowsByPrimaryKey(RetainedRows rows) throws SQLException {
    Object[] params = new Object[501];
    params[0] = CUTOFF;
    for (int i = 1; i <= 500; i++) {
      params[i] = (long) i * 7;
    }
    assertThat(plan(rows.deleteSql(Dialect.POSTGRESQL, 500), params))
        .anyMatch(step -> step.contains("_pkey"))
        .noneMatch(step -> step.contains("Seq Scan"));
  }

  private static List<String> plan(String sql, Object... params) throws SQLException {
    List<String> steps = new ArrayList<>();
    try (PreparedStatement explain = raw.prepareStatement("EXPLAIN " + sql)) {
      for (int i = 0; i < params.length; i++) {
        explain.setObject(i + 1, params[i]);
      }
      try (ResultSet rows = explain.executeQuery()) {
        while (rows.next()) {
          steps.add(rows.getString(1));
        }
      }
    }
    return steps;
  }
}
