package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.ALICE;
import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.CARA;
import static org.assertj.core.api.Assertions.assertThat;

import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.junit.jupiter.api.Test;

/** One person's identities on several channels. */
public interface LinkContract {

  Store store();

  @Test
  default void anUnlinkedIdentityIsOnlyItself() {
    assertThat(store().linkedWith(ALICE)).containsExactly(ALICE);
  }

  @Test
  default void linkedIdentitiesSeeEachOtherAndLinkingIsTransitive() {
    store().link(ALICE, BOB);
    store().link(CARA, BOB);

    assertThat(store().linkedWith(ALICE)).containsExactlyInAnyOrder(ALICE, BOB, CARA);
    assertThat(store().linkedWith(CARA)).containsExactlyInAnyOrder(ALICE, BOB, CARA);
  }

  @Test
  default void linkingTwoPeopleJoinsEverythingEachHad() {
    Address dan = Address.person(Channel.EMAIL, "dan@example.org");
    store().link(ALICE, BOB);
    store().link(CARA, dan);

    store().link(BOB, dan);

    assertThat(store().linkedWith(ALICE)).containsExactlyInAnyOrder(ALICE, BOB, CARA, dan);
  }

  @Test
  default void unlinkingLeavesTheOthersLinked() {
    store().link(ALICE, BOB);
    store().link(ALICE, CARA);

    assertThat(store().unlink(BOB)).isTrue();
    assertThat(store().unlink(BOB)).isFalse();

    assertThat(store().linkedWith(BOB)).containsExactly(BOB);
    assertThat(store().linkedWith(ALICE)).containsExactlyInAnyOrder(ALICE, CARA);
  }
}
