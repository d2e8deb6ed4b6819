package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.PORTLAND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLite store keeps the subscriptions it read while the database says the same version of them
 * (schema step 24): every change, whoever makes it, is seen at the next read, and one undone is
 * not.
 */
class SubscriptionsKeptTest {
  private static final Address NORTH = Address.group(Channel.TELEGRAM, "-100111");
  private static final Address SOUTH = Address.group(Channel.SIGNAL, "south-b64==");

  @TempDir Path dir;
  private SqliteStore store;

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aSubscriptionSavedMovedOrDeletedIsSeenAtTheNextRead() {
    store = SqliteStore.open(dir.resolve("a.db").toString());
    store.saveSubscription(subscription(NORTH, 10));
    assertThat(store.subscriptions()).containsExactly(subscription(NORTH, 10));

    store.saveSubscription(subscription(NORTH, 25));
    assertThat(store.subscriptions()).containsExactly(subscription(NORTH, 25));

    store.moveGroup(NORTH, SOUTH);
    assertThat(store.subscriptions()).containsExactly(subscription(SOUTH, 25));

    store.deleteSubscription(SOUTH);
    assertThat(store.subscriptions()).isEmpty();
  }

  @Test
  void aForgottenGroupsSubscriptionIsGoneAtTheNextRead() {
    store = SqliteStore.open(dir.resolve("a.db").toString());
    store.saveSubscription(subscription(NORTH, 10));
    store.saveSubscription(subscription(SOUTH, 10));
    assertThat(store.subscriptions()).hasSize(2);

    store.forget(NORTH);

    assertThat(store.subscriptions()).containsExactly(subscription(SOUTH, 10));
  }

  @Test
  void aSubscriptionReadInsideATransactionThatIsUndoneIsNotKept() {
    store = SqliteStore.open(dir.resolve("a.db").toString());
    store.saveSubscription(subscription(NORTH, 10));
    assertThat(store.subscriptions()).hasSize(1);

    assertThatThrownBy(
            () ->
                store.inTransaction(
                    () -> {
                      store.saveSubscription(subscription(SOUTH, 10));
                      assertThat(store.subscriptions()).hasSize(2); // read, and kept, here
                      throw new IllegalStateException("undone");
                    }))
        .hasMessage("undone");

    assertThat(store.subscriptions()).containsExactly(subscription(NORTH, 10));
  }

  @Test
  void aChangeMadeThroughAnotherConnectionIsSeenAtTheNextRead() throws SQLException {
    Path file = dir.resolve("shared.db");
    store = SqliteStore.open(file.toString());
    store.saveSubscription(subscription(NORTH, 10));
    store.saveSubscription(subscription(SOUTH, 10));
    assertThat(store.subscriptions()).hasSize(2);

    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement sql = other.createStatement()) {
      sql.executeUpdate("DELETE FROM subscriptions WHERE group_id = '-100111'");
    }

    assertThat(store.subscriptions()).containsExactly(subscription(SOUTH, 10));
  }

  private static Subscription subscription(Address group, double radiusKm) {
    return new Subscription(group, PORTLAND, radiusKm, Set.of(), "en");
  }
}
