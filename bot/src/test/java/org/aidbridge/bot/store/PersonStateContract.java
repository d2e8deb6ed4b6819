package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.ALICE;
import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.PORTLAND;
import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.aidbridge.bot.store.StoreFixtures.at;
import static org.aidbridge.bot.store.StoreFixtures.draft;
import static org.aidbridge.bot.store.StoreFixtures.match;
import static org.aidbridge.bot.store.StoreFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.store.PendingQuestion.Asked;
import org.aidbridge.bot.store.PendingQuestion.Topic;
import org.junit.jupiter.api.Test;

/**
 * What a conversation leaves waiting and what is kept about an identity, in typed rows; and that
 * forgetting someone erases exactly theirs.
 */
public interface PersonStateContract {

  Store store();

  @Test
  default void aQuestionIsTakenOnceAndEachTopicHasItsOwn() {
    Listing need = store().insertListing(draft(Kind.NEED, ALICE, Category.FOOD));
    store().askQuestion(ALICE, PendingQuestion.about(Asked.CATEGORY, need.id()), T0);
    store().askQuestion(ALICE, PendingQuestion.about(Asked.PLACE, need.id()), at(1));
    store().askQuestion(ALICE, PendingQuestion.forget(), at(2));

    assertThat(store().takeQuestion(ALICE, Topic.LISTING))
        .contains(PendingQuestion.about(Asked.PLACE, need.id()));
    assertThat(store().takeQuestion(ALICE, Topic.LISTING)).isEmpty();
    assertThat(store().takeQuestion(BOB, Topic.FORGET)).isEmpty();
    assertThat(store().takeQuestion(ALICE, Topic.FORGET)).contains(PendingQuestion.forget());
  }

  @Test
  default void aQuestionAboutAListingGoesWithTheListing() {
    Listing need = store().insertListing(draft(Kind.NEED, ALICE, Category.FOOD));
    store().askQuestion(BOB, PendingQuestion.about(Asked.PLACE, need.id()), T0);

    store().forget(ALICE);

    assertThat(store().takeQuestion(BOB, Topic.LISTING)).isEmpty();
  }

  @Test
  default void bansAreKeptPerIdentity() {
    store().ban(BOB, T0);
    store().ban(BOB, at(1));

    assertThat(store().isBanned(BOB)).isTrue();
    assertThat(store().isBanned(Address.person(Channel.TELEGRAM, BOB.id() + "0"))).isFalse();
  }

  @Test
  default void relaysAreCountedPerHourAndANewHourStartsOver() {
    store().countRelay(BOB, 100);
    store().countRelay(BOB, 100);

    assertThat(store().relaysIn(BOB, 100)).isEqualTo(2);
    assertThat(store().relaysIn(ALICE, 100)).isZero();

    store().countRelay(BOB, 101);

    assertThat(store().relaysIn(BOB, 101)).isEqualTo(1);
    assertThat(store().relaysIn(BOB, 100)).isZero();
  }

  @Test
  default void shareConsentsArePerSideAndGoWithTheListings() {
    Listing need = store().insertListing(draft(Kind.NEED, ALICE, Category.FOOD));
    Listing offer = store().insertListing(draft(Kind.OFFER, BOB, Category.FOOD));
    store().consentToShare(need.id(), offer.id(), Kind.NEED, T0);
    store().consentToShare(need.id(), offer.id(), Kind.NEED, at(1));

    assertThat(store().shareConsents(need.id(), offer.id())).containsExactly(Kind.NEED);

    store().consentToShare(need.id(), offer.id(), Kind.OFFER, at(2));
    assertThat(store().shareConsents(need.id(), offer.id()))
        .containsExactlyInAnyOrder(Kind.NEED, Kind.OFFER);

    store().forget(BOB);

    assertThat(store().shareConsents(need.id(), offer.id())).isEmpty();
  }

  @Test
  default void aBroadcastDraftIsTakenOnce() {
    BroadcastDraft everywhere = new BroadcastDraft(null, null, "shelter open | tonight", at(10));
    BroadcastDraft portland =
        new BroadcastDraft(PORTLAND, Category.FOOD, "food at the church", at(10));
    store().saveBroadcastDraft(BOB, everywhere);
    store().saveBroadcastDraft(ALICE, portland);

    assertThat(store().takeBroadcastDraft(BOB)).contains(everywhere);
    assertThat(store().takeBroadcastDraft(BOB)).isEmpty();
    BroadcastDraft back = store().takeBroadcastDraft(ALICE).orElseThrow();
    assertThat(back.area().lat()).isEqualTo(PORTLAND.lat());
    assertThat(back.area().display()).isEqualTo(PORTLAND.display());
    assertThat(back.category()).isEqualTo(Category.FOOD);
  }

  @Test
  default void forgettingErasesTheirWaitingValuesButNotAnotherIdentitys() {
    Address other = Address.person(Channel.TELEGRAM, BOB.id() + "7");
    for (Address who : new Address[] {BOB, other}) {
      store().askQuestion(who, PendingQuestion.forget(), T0);
      store().countRelay(who, 1);
      store().saveBroadcastDraft(who, new BroadcastDraft(null, null, "text", at(10)));
    }

    store().forget(BOB);

    assertThat(store().takeQuestion(BOB, Topic.FORGET)).isEmpty();
    assertThat(store().relaysIn(BOB, 1)).isZero();
    assertThat(store().takeBroadcastDraft(BOB)).isEmpty();
    assertThat(store().takeQuestion(other, Topic.FORGET)).isPresent();
    assertThat(store().relaysIn(other, 1)).isEqualTo(1);
    assertThat(store().takeBroadcastDraft(other)).isPresent();
  }

  /**
   * Erasing once searched message texts for the id: forgetting al@ deleted what was sent about
   * sal@, whose address holds al@'s.
   */
  @Test
  default void forgettingAnAddressKeepsMessagesAboutAnAddressThatContainsIt() {
    Address al = Address.person(Channel.EMAIL, "al@example.org");
    Address sal = Address.person(Channel.EMAIL, "sal@example.org");
    Listing salsNeed = store().insertListing(draft(Kind.NEED, sal, Category.FOOD));
    Listing bobsOffer = store().insertListing(draft(Kind.OFFER, BOB, Category.FOOD));
    store().insertListing(draft(Kind.NEED, al, Category.FOOD));
    store().insertMatch(match(salsNeed, bobsOffer, 1));
    OutboxEntry salsContact =
        store()
            .enqueue(
                message(BOB, "N-1 is sal@example.org on email")
                    .about("match:" + salsNeed.id() + ":" + bobsOffer.id()),
                T0);

    store().forget(al);

    assertThat(store().outboxEntry(salsContact.id())).isPresent();
  }

  @Test
  default void forgettingErasesWhatTheyWroteToOthersAndNoticesOfTheirListings() {
    Listing need = store().insertListing(draft(Kind.NEED, ALICE, Category.FOOD));
    Listing offer = store().insertListing(draft(Kind.OFFER, BOB, Category.FOOD));
    Listing unrelated = store().insertListing(draft(Kind.OFFER, BOB, Category.CLOTHING));
    store().insertMatch(match(need, offer, 1));
    String topic = "match:" + need.id() + ":" + offer.id();
    OutboxEntry relayed =
        store().enqueue(message(BOB, "Alice says: I am at 5 Elm St").about(topic), T0);
    OutboxEntry toGroup =
        store()
            .enqueue(
                message(StoreFixtures.GROUP, "urgent: " + need.ref())
                    .about("listing:" + need.ref()),
                T0);
    OutboxEntry aboutBobOnly =
        store().enqueue(message(BOB, "still?").about("listing:" + unrelated.ref()), T0);

    store().forget(ALICE);

    assertThat(store().outboxEntry(relayed.id())).isEmpty();
    assertThat(store().outboxEntry(toGroup.id())).isEmpty();
    assertThat(store().outboxEntry(aboutBobOnly.id())).isPresent();
  }

  @Test
  default void anInstallationKeyIsMadeOncePerPurpose() {
    byte[] first = store().installationKey("log-pseudonym");
    byte[] again = store().installationKey("log-pseudonym");
    byte[] other = store().installationKey("mail-token");

    assertThat(first).hasSize(32).isEqualTo(again);
    assertThat(other).hasSize(32).isNotEqualTo(first);
  }
}
