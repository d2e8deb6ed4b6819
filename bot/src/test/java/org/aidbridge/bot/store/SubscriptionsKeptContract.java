package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.PORTLAND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Subscription;
import org.junit.jupiter.api.Test;

/**
 * A store keeps the subscriptions it read while the database says the same version of them (schema
 * steps 24 and 25): every change, whoever makes it, is seen at the next read, and one undone is
 * not. {@link #reader} is the store that keeps them; {@link #writer} makes the changes (the same
 * store, or another instance on the same database).
 */
interface SubscriptionsKeptContract {
  Address NORTH = Address.group(Channel.TELEGRAM, "-100111");
  Address SOUTH = Address.group(Channel.SIGNAL, "south-b64==");

  Store reader();

  Store writer();

  @Test
  default void aSubscriptionSavedMovedOrDeletedIsSeenAtTheNextRead() {
    assertThat(reader().subscriptions()).isEmpty();
    writer().saveSubscription(subscription(NORTH, 10));
    assertThat(reader().subscriptions()).containsExactly(subscription(NORTH, 10));

    writer().saveSubscription(subscription(NORTH, 25));
    assertThat(reader().subscriptions()).containsExactly(subscription(NORTH, 25));

    writer().moveGroup(NORTH, SOUTH);
    assertThat(reader().subscriptions()).containsExactly(subscription(SOUTH, 25));

    writer().deleteSubscription(SOUTH);
    assertThat(reader().subscriptions()).isEmpty();
  }

  @Test
  default void aSubscriptionReadInsideATransactionThatIsUndoneIsNotKept() {
    reader().saveSubscription(subscription(NORTH, 10));
    assertThat(reader().subscriptions()).hasSize(1);

    assertThatThrownBy(
            () ->
                reader()
                    .inTransaction(
                        () -> {
                          reader().saveSubscription(subscription(SOUTH, 10));
                          assertThat(reader().subscriptions()).hasSize(2); // read, and kept, here
                          throw new IllegalStateException("undone");
                        }))
        .hasMessage("undone");

    assertThat(reader().subscriptions()).containsExactly(subscription(NORTH, 10));
    writer().saveSubscription(subscription(SOUTH, 50));
    assertThat(reader().subscriptions()).hasSize(2);
  }

  static Subscription subscription(Address group, double radiusKm) {
    return new Subscription(group, PORTLAND, radiusKm, Set.of(), "en");
  }
}
