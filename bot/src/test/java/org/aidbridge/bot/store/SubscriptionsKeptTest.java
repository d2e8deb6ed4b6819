package org.aidbridge.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On SQLite the store that changes the subscriptions is the one that keeps them; another process
 * may still change the file, and forgetting a group deletes its subscription by SQL of its own.
 */
class SubscriptionsKeptTest implements SubscriptionsKeptContract {
  @TempDir Path dir;
  private SqliteStore store;

  @BeforeEach
  void open() {
    store = SqliteStore.open(dir.resolve("kept.db").toString());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Override
  public Store reader() {
    return store;
  }

  @Override
  public Store writer() {
    return store;
  }

  @Test
  void aForgottenGroupsSubscriptionIsGoneAtTheNextRead() {
    store.saveSubscription(SubscriptionsKeptContract.subscription(NORTH, 10));
    store.saveSubscription(SubscriptionsKeptContract.subscription(SOUTH, 10));
    assertThat(store.subscriptions()).hasSize(2);

    store.forget(NORTH);

    assertThat(store.subscriptions())
        .containsExactly(SubscriptionsKeptContract.subscription(SOUTH, 10));
  }

  @Test
  void aChangeMadeThroughAnotherConnectionIsSeenAtTheNextRead() throws SQLException {
    store.saveSubscription(SubscriptionsKeptContract.subscription(NORTH, 10));
    store.saveSubscription(SubscriptionsKeptContract.subscription(SOUTH, 10));
    assertThat(store.subscriptions()).hasSize(2);

    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kept.db"));
        Statement sql = other.createStatement()) {
      sql.executeUpdate("DELETE FROM subscriptions WHERE group_id = '-100111'");
    }

    assertThat(store.subscriptions())
        .containsExactly(SubscriptionsKeptContract.subscription(SOUTH, 10));
  }
}
