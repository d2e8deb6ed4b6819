package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.PORTLAND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL, where several instances share the database, each keeps the subscriptions it read
 * while the database says the same version of them (schema step 25): a change made by another
 * instance is seen at the next read, and one undone is not.
 */
class PostgresSubscriptionsKeptTest {
  private static final Address NORTH = Address.group(Channel.TELEGRAM, "-100333");
  private static final Address SOUTH = Address.group(Channel.SIGNAL, "south-pg-b64==");

  private final DatabaseLogin login = TestPostgres.shared().newDatabase();
  private final PostgresStore one = PostgresStore.open(login, 2);
  private final PostgresStore other = PostgresStore.open(login, 2);

  @AfterEach
  void close() {
    one.close();
    other.close();
  }

  @Test
  void aChangeMadeByAnotherInstanceIsSeenAtTheNextRead() {
    assertThat(one.subscriptions()).isEmpty();
    other.saveSubscription(subscription(NORTH, 10));
    assertThat(one.subscriptions()).containsExactly(subscription(NORTH, 10));

    other.saveSubscription(subscription(NORTH, 25));
    assertThat(one.subscriptions()).containsExactly(subscription(NORTH, 25));

    other.moveGroup(NORTH, SOUTH);
    assertThat(one.subscriptions()).containsExactly(subscription(SOUTH, 25));

    other.deleteSubscription(SOUTH);
    assertThat(one.subscriptions()).isEmpty();
  }

  @Test
  void aSubscriptionReadInsideATransactionThatIsUndoneIsNotKept() {
    one.saveSubscription(subscription(NORTH, 10));
    assertThat(one.subscriptions()).hasSize(1);

    assertThatThrownBy(
            () ->
                one.inTransaction(
                    () -> {
                      one.saveSubscription(subscription(SOUTH, 10));
                      assertThat(one.subscriptions()).hasSize(2); // read, and kept, here
                      throw new IllegalStateException("undone");
                    }))
        .hasMessage("undone");

    assertThat(one.subscriptions()).containsExactly(subscription(NORTH, 10));
    other.saveSubscription(subscription(SOUTH, 50));
    assertThat(one.subscriptions()).hasSize(2);
  }

  private static Subscription subscription(Address group, double radiusKm) {
    return new Subscription(group, PORTLAND, radiusKm, Set.of(), "en");
  }
}
