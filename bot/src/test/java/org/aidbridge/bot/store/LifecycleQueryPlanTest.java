package org.aidbridge.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What housekeeping runs every few minutes finds its rows through indexes, not by reading whole
 * tables that grow with every message.
 */
class LifecycleQueryPlanTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        LifecycleTable.EXPIRING_SQL,
        LifecycleTable.OPEN_NEEDS_SQL,
        LifecycleTable.EXPIRING_PAGE_SQL,
        LifecycleTable.OPEN_NEEDS_PAGE_SQL,
        LifecycleTable.DELETE_INBOUND_SQL,
        "DELETE FROM outbox WHERE status = 'SENT' AND sent_at < ?",
        "DELETE FROM outbox WHERE status = 'SENT' AND topic = ?",
      })
  void housekeepingQueriesUseAnIndex(String sql) throws SQLException {
    assertThat(plan(sql)).noneMatch(step -> step.startsWith("SCAN"));
  }

  @Test
  void erasingClosedListingsUsesTheStatusIndex() throws SQLException {
    assertThat(plan(LifecycleTable.ERASE_SQL))
        .anyMatch(step -> step.contains("listings_life"))
        .noneMatch(step -> step.startsWith("SCAN"));
  }

  @Test
  void aPageToEraseSeeksTheCursorsIdAmongListingsEndingAtItsTime() throws SQLException {
    assertThat(plan(LifecycleTable.TO_ERASE_SAME_END_SQL))
        .containsExactly("SEARCH listings USING INDEX listings_to_erase (expires_at=? AND id>?)");
  }

  @Test
  void aPageToEraseSeeksTheListingsEndingAfterTheCursorsTime() throws SQLException {
    assertThat(plan(LifecycleTable.TO_ERASE_LATER_END_SQL))
        .containsExactly(
            "SEARCH listings USING INDEX listings_to_erase (expires_at>? AND expires_at<?)");
  }

  @ParameterizedTest
  @EnumSource(RetainedRows.class)
  void aPageOfOldRowsSeeksTheCursorsIdAmongRowsOfItsTime(RetainedRows rows) throws SQLException {
    assertThat(plan(rows.sameTimeSql(Dialect.SQLITE)))
        .singleElement()
        .satisfies(
            step ->
                assertThat(step)
                    .startsWith("SEARCH")
                    .contains(rows.index() + " (")
                    .endsWith("=? AND id>?)"));
  }

  @ParameterizedTest
  @EnumSource(RetainedRows.class)
  void aPageOfOldRowsSeeksTheRowsAfterTheCursorsTimeInOrder(RetainedRows rows) throws SQLException {
    assertThat(plan(rows.laterTimeSql(Dialect.SQLITE)))
        .singleElement()
        .satisfies(
            step ->
                assertThat(step)
                    .startsWith("SEARCH")
                    .contains(rows.index() + " (")
                    .endsWith(">? AND " + time(rows) + "<?)"));
  }

  @ParameterizedTest
  @EnumSource(RetainedRows.class)
  void aPagesDeleteFindsItsRowsById(RetainedRows rows) throws SQLException {
    assertThat(plan(rows.deleteSql(Dialect.SQLITE, 500)))
        .noneMatch(step -> step.startsWith("SCAN"))
        .anyMatch(step -> step.contains("INTEGER PRIMARY KEY (rowid=?)"));
  }

  private static String time(RetainedRows rows) {
    return switch (rows) {
      case HANDLED_INBOUND -> "received_at";
      case SENT_OUTBOX -> "sent_at";
      case GIVEN_UP_OUTBOX -> "created_at";
    };
  }

  private List<String> plan(String sql) throws SQLException {
    Path file = dir.resolve("bot.db");
    SqliteStore.open(file.toString()).close();
    List<String> steps = new ArrayList<>();
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement explain = raw.prepareStatement("EXPLAIN QUERY PLAN " + sql);
        ResultSet rows = explain.executeQuery()) {
      while (rows.next()) {
        steps.add(rows.getString("detail"));
      }
    }
    return steps;
  }
}
