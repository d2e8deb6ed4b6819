package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.GROUP;
import static org.aidbridge.bot.store.StoreFixtures.PORTLAND;
import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.aidbridge.bot.store.StoreFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Subscription;
import org.junit.jupiter.api.Test;

/** Group subscriptions, groups changing address, and unreachable people and groups. */
public interface GroupContract {

  Store store();

  private static Subscription subscription(Address group, double radiusKm, Category... wanted) {
    return new Subscription(group, PORTLAND, radiusKm, Set.of(wanted), "en");
  }

  @Test
  default void savedSubscriptionReadsBackAndASecondReplacesIt() {
    Subscription first = subscription(GROUP, 25, Category.FOOD, Category.WATER);
    Subscription second = new Subscription(GROUP, Place.unresolved("downtown"), 5, Set.of(), "es");

    store().saveSubscription(first);
    assertThat(store().subscriptionOf(GROUP)).contains(first);

    store().saveSubscription(second);
    assertThat(store().subscriptionOf(GROUP)).contains(second);
    assertThat(store().subscriptions()).containsExactly(second);
  }

  @Test
  default void allSubscriptionsAreListed() {
    Address signalGroup = Address.group(Channel.SIGNAL, "group-b64==");
    Subscription a = subscription(GROUP, 10);
    Subscription b = subscription(signalGroup, 50, Category.MONEY);
    store().saveSubscription(a);
    store().saveSubscription(b);

    assertThat(store().subscriptions()).containsExactlyInAnyOrder(a, b);
  }

  @Test
  default void deletingTellsWhetherThereWasASubscription() {
    store().saveSubscription(subscription(GROUP, 10));

    assertThat(store().deleteSubscription(GROUP)).isTrue();
    assertThat(store().subscriptionOf(GROUP)).isEmpty();
    assertThat(store().deleteSubscription(GROUP)).isFalse();
  }

  @Test
  default void movedGroupTakesItsSubscriptionFlagAndPendingMessagesAlong() {
    Address supergroup = Address.group(Channel.TELEGRAM, "-100999");
    store().saveSubscription(subscription(GROUP, 10, Category.FOOD));
    store().setUnreachable(GROUP, true);
    OutboxEntry sent = store().enqueue(message(GROUP, "sent before"), T0);
    store().markSent(sent.id(), "tg-1", T0);
    OutboxEntry pending = store().enqueue(message(GROUP, "still to send"), T0);

    store().moveGroup(GROUP, supergroup);

    assertThat(store().subscriptionOf(GROUP)).isEmpty();
    assertThat(store().subscriptionOf(supergroup))
        .contains(subscription(supergroup, 10, Category.FOOD));
    assertThat(store().isUnreachable(GROUP)).isFalse();
    assertThat(store().isUnreachable(supergroup)).isTrue();
    assertThat(store().outboxEntry(pending.id()).orElseThrow().message().to())
        .isEqualTo(supergroup);
    assertThat(store().outboxEntry(sent.id()).orElseThrow().message().to()).isEqualTo(GROUP);
  }

  @Test
  default void unreachableFlagIsSetAndClearedPerAddress() {
    assertThat(store().isUnreachable(BOB)).isFalse();

    store().setUnreachable(BOB, true);
    store().setUnreachable(BOB, true);
    assertThat(store().isUnreachable(BOB)).isTrue();
    assertThat(store().isUnreachable(Address.person(Channel.TELEGRAM, "1002"))).isFalse();
    assertThat(store().isUnreachable(Address.person(Channel.SIGNAL, BOB.id()))).isFalse();

    store().setUnreachable(BOB, false);
    assertThat(store().isUnreachable(BOB)).isFalse();
  }
}
