package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.ALICE;
import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.GROUP;
import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.aidbridge.bot.store.StoreFixtures.at;
import static org.aidbridge.bot.store.StoreFixtures.direct;
import static org.aidbridge.bot.store.StoreFixtures.draft;
import static org.aidbridge.bot.store.StoreFixtures.match;
import static org.aidbridge.bot.store.StoreFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Subscription;
import org.junit.jupiter.api.Test;

/** Expiry, renewal questions, escalations, digests, retention: the listings' life in time. */
public interface LifecycleContract {

  Store store();

  private Listing stored(Kind kind, Instant createdAt, Instant expiresAt) {
    Listing base = draft(kind, ALICE, createdAt, Category.FOOD);
    Listing listing = store().insertListing(base);
    store().setExpiry(listing.id(), expiresAt);
    return store().listingById(listing.id()).orElseThrow();
  }

  @Test
  default void activeListingsExpiringByComeSoonestFirstWithoutClosedOrLaterOnes() {
    Listing later = stored(Kind.NEED, T0, at(300));
    Listing soon = stored(Kind.OFFER, T0, at(60));
    Listing closed = stored(Kind.NEED, T0, at(30));
    store().updateStatus(closed.id(), Status.WITHDRAWN);
    stored(Kind.NEED, T0, at(301));

    assertThat(store().activeListingsExpiringBy(at(300)))
        .extracting(Listing::id)
        .containsExactly(soon.id(), later.id());
  }

  @Test
  default void settingTheExpiryChangesNothingElse() {
    Listing listing = store().insertListing(draft(Kind.NEED, ALICE, Category.FOOD));

    store().setExpiry(listing.id(), at(999));

    Listing after = store().listingById(listing.id()).orElseThrow();
    assertThat(after.expiresAt()).isEqualTo(at(999));
    assertThat(after).usingRecursiveComparison().ignoringFields("expiresAt").isEqualTo(listing);
  }

  @Test
  default void aRenewalQuestionIsRecordedOncePerExpiryAndAwaitsUntilTheExpiryChanges() {
    Listing listing = stored(Kind.NEED, T0, at(100));

    assertThat(store().markRenewalAsked(listing.id(), at(100), at(50))).isTrue();
    assertThat(store().markRenewalAsked(listing.id(), at(100), at(51))).isFalse();
    assertThat(store().awaitingRenewal(ALICE))
        .extracting(Listing::id)
        .containsExactly(listing.id());
    assertThat(store().awaitingRenewal(BOB)).isEmpty();

    store().setExpiry(listing.id(), at(5000));
    assertThat(store().awaitingRenewal(ALICE)).isEmpty();
    assertThat(store().markRenewalAsked(listing.id(), at(5000), at(4000))).isTrue();
  }

  @Test
  default void openUnmatchedNeedsLeaveOutOffersMatchedClosedAndExpiredOnes() {
    Listing open = store().insertListing(draft(Kind.NEED, ALICE, Category.FOOD));
    store().insertListing(draft(Kind.OFFER, ALICE, Category.FOOD));
    Listing matched = store().insertListing(draft(Kind.NEED, ALICE, Category.WATER));
    Listing offer = store().insertListing(draft(Kind.OFFER, BOB, Category.WATER));
    store().insertMatch(match(matched, offer, 1));
    Listing done = store().insertListing(draft(Kind.NEED, ALICE, Category.FOOD));
    store().updateStatus(done.id(), Status.FULFILLED);
    stored(Kind.NEED, T0, at(10));

    assertThat(store().openUnmatchedNeeds(at(20)))
        .extracting(Listing::id)
        .containsExactly(open.id());
  }

  @Test
  default void listingsExpiringComeInPagesByIdWithNoneLeftOutOrRepeated() {
    List<Long> expiring = new java.util.ArrayList<Long>();
    for (int i = 0; i < 7; i++) {
      expiring.add(stored(Kind.NEED, T0, at(10)).id());
      stored(Kind.OFFER, T0, at(500)); // not yet
    }
    Listing closed = stored(Kind.NEED, T0, at(10));
    store().updateStatus(closed.id(), Status.FULFILLED);

    List<Long> paged = new java.util.ArrayList<Long>();
    long after = 0;
    for (List<Listing> page;
        !(page = store().activeListingsExpiringBy(at(20), after, 3)).isEmpty(); ) {
      assertThat(page).hasSizeLessThanOrEqualTo(3);
      page.forEach(l -> paged.add(l.id()));
      after = page.get(page.size() - 1).id();
    }
    assertThat(paged).containsExactlyElementsOf(expiring);
  }

  @Test
  default void openUnmatchedNeedsComeInPagesByIdWithNoneLeftOutOrRepeated() {
    List<Long> open = new java.util.ArrayList<Long>();
    for (int i = 0; i < 7; i++) {
      open.add(store().insertListing(draft(Kind.NEED, ALICE, Category.FOOD)).id());
      store().insertListing(draft(Kind.OFFER, BOB, Category.FOOD));
    }
    Listing matched = store().insertListing(draft(Kind.NEED, ALICE, Category.WATER));
    store()
        .insertMatch(
            match(matched, store().insertListing(draft(Kind.OFFER, BOB, Category.WATER)), 1));

    List<Long> paged = new java.util.ArrayList<Long>();
    long after = 0;
    for (List<Listing> page; !(page = store().openUnmatchedNeeds(at(20), after, 3)).isEmpty(); ) {
      assertThat(page).hasSizeLessThanOrEqualTo(3);
      page.forEach(l -> paged.add(l.id()));
      after = page.get(page.size() - 1).id();
    }
    assertThat(paged).containsExactlyElementsOf(open);
  }

  @Test
  default void anEscalationIsRecordedOncePerRingAndCountedPerRing() {
    Listing a = store().insertListing(draft(Kind.NEED, ALICE, Category.FOOD));
    Listing b = store().insertListing(draft(Kind.NEED, BOB, Category.FOOD));

    assertThat(store().recordEscalation(a.id(), 0, T0)).isTrue();
    assertThat(store().recordEscalation(a.id(), 0, at(5))).isFalse();
    assertThat(store().recordEscalation(a.id(), 1, at(6))).isTrue();
    assertThat(store().recordEscalation(b.id(), 0, at(7))).isTrue();

    assertThat(store().escalationsOf(a.id())).containsExactly(0, 1);
    assertThat(store().escalationsPerRing()).containsExactly(Map.entry(0, 2L), Map.entry(1, 1L));
  }

  @Test
  default void aDigestIsRecordedOncePerGroupAndPeriod() {
    assertThat(store().markDigestSent(GROUP, "daily:2026-03-01", T0)).isTrue();
    assertThat(store().markDigestSent(GROUP, "daily:2026-03-01", at(1))).isFalse();
    assertThat(store().markDigestSent(GROUP, "daily:2026-03-02", at(2))).isTrue();
  }

  @Test
  default void forgettingAPersonDeletesTheirListingsMessagesAndValuesAndReopensTheirMatches() {
    Listing need = store().insertListing(draft(Kind.NEED, ALICE, Category.FOOD));
    Listing offer = store().insertListing(draft(Kind.OFFER, BOB, Category.FOOD));
    store().insertMatch(match(need, offer, 1));
    store().updateStatus(need.id(), Status.MATCHED);
    store().updateStatus(offer.id(), Status.MATCHED);
    store().recordEscalation(need.id(), 0, T0);
    long handled = store().recordInbound(direct(ALICE, "m1", "need food")).getAsLong();
    store().markProcessed(handled);
    long handling = store().recordInbound(direct(ALICE, "m2", "forget confirm")).getAsLong();
    OutboxEntry toAlice = store().enqueue(message(ALICE, "your need"), T0);
    OutboxEntry toBob = store().enqueue(message(BOB, "your offer"), T0);
    store().askQuestion(ALICE, PendingQuestion.forget(), T0);
    store().askQuestion(BOB, PendingQuestion.about(PendingQuestion.Asked.PLACE, offer.id()), T0);
    store().setUnreachable(ALICE, true);

    store().forget(ALICE);

    assertThat(store().listingById(need.id())).isEmpty();
    assertThat(store().matchesOf(offer.id())).isEmpty();
    assertThat(store().listingById(offer.id()).orElseThrow().status()).isEqualTo(Status.OPEN);
    assertThat(store().outboxEntry(toAlice.id())).isEmpty();
    assertThat(store().outboxEntry(toBob.id())).isPresent();
    assertThat(store().takeQuestion(ALICE, PendingQuestion.Topic.FORGET)).isEmpty();
    assertThat(store().takeQuestion(BOB, PendingQuestion.Topic.LISTING)).isPresent();
    assertThat(store().isUnreachable(ALICE)).isFalse();
    assertThat(store().recordInbound(direct(ALICE, "m1", "need food"))).isPresent();
    InboundMessage left = store().unprocessedInbound(10).get(0).message();
    assertThat(left.sender().id()).isNotEqualTo(ALICE.id());
    assertThat(left.text()).isEmpty();
    store().markProcessed(handling);
  }

  @Test
  default void forgettingDropsValuesThatNameThePersonWholeButKeepsABan() {
    Address lookalike = Address.person(BOB.channel(), BOB.id() + "2");
    store().countRelay(BOB, 12);
    store().putState("link:ABC234", BOB.qualified() + "|1760000000000");
    store().ban(BOB, T0);
    store().countRelay(lookalike, 12);
    store().putState("link:XYZ789", lookalike.qualified() + "|1760000000000");
    store().link(BOB, ALICE);

    store().forget(BOB);

    assertThat(store().relaysIn(BOB, 12)).isZero();
    assertThat(store().state("link:ABC234")).isEmpty();
    assertThat(store().isBanned(BOB)).isTrue();
    assertThat(store().relaysIn(lookalike, 12)).isEqualTo(1);
    assertThat(store().state("link:XYZ789")).isPresent();
    assertThat(store().linkedWith(ALICE)).containsExactly(ALICE);
  }

  @Test
  default void forgettingAGroupDeletesItsSubscription() {
    store().saveSubscription(new Subscription(GROUP, StoreFixtures.PORTLAND, 10, Set.of(), "en"));
    store().markDigestSent(GROUP, "daily:2026-03-01", T0);

    store().forget(GROUP);

    assertThat(store().subscriptionOf(GROUP)).isEmpty();
    assertThat(store().markDigestSent(GROUP, "daily:2026-03-01", T0)).isTrue();
  }

  @Test
  default void retentionDeletesOnlyOldProcessedInboundMessages() {
    long oldDone = record("old-done", T0);
    store().markProcessed(oldDone);
    long oldWaiting = record("old-waiting", T0);
    long newDone = record("new-done", at(60 * 24 * 40));
    store().markProcessed(newDone);

    assertThat(store().deleteProcessedInboundBefore(at(60 * 24 * 30))).isEqualTo(1);

    assertThat(store().unprocessedInbound(10))
        .extracting(StoredInbound::id)
        .containsExactly(oldWaiting);
    assertThat(store().recordInbound(direct(ALICE, "new-done", "x"))).isEmpty();
    assertThat(store().recordInbound(direct(ALICE, "old-done", "x"))).isPresent();
  }

  @Test
  default void retentionDeletesOnlyFinishedOutboxEntriesOlderThanTheCutoff() {
    OutboxEntry oldSent = store().enqueue(message(BOB, "old sent"), T0);
    store().markSent(oldSent.id(), "tg-1", T0);
    OutboxEntry oldGivenUp = store().enqueue(message(BOB, "old given up"), T0);
    store().markUndeliverable(oldGivenUp.id(), "blocked");
    OutboxEntry oldPending = store().enqueue(message(BOB, "old pending"), T0);
    OutboxEntry newSent = store().enqueue(message(BOB, "new sent"), at(100));
    store().markSent(newSent.id(), "tg-2", at(100));
    OutboxEntry oldDead = store().enqueue(message(ALICE, "old dead letter"), T0);
    store().markDeadLetter(oldDead.id(), "500");
    OutboxEntry oldClaimed = store().enqueue(message(ALICE, "old claimed"), T0);
    store().claimOutbox(oldClaimed.id(), T0, at(1));

    assertThat(store().deleteFinishedOutboxBefore(at(50))).isEqualTo(3);
    assertThat(store().outboxEntry(oldDead.id())).isEmpty();
    assertThat(store().outboxEntry(oldClaimed.id())).as("maybe being sent").isPresent();

    assertThat(store().outboxEntry(oldSent.id())).isEmpty();
    assertThat(store().outboxEntry(oldGivenUp.id())).isEmpty();
    assertThat(store().outboxEntry(oldPending.id())).isPresent();
    assertThat(store().outboxEntry(newSent.id())).isPresent();
  }

  @Test
  default void oldRowsAreDeletedAPageAtATimeEachPageResumingAtTheLastOnesCursor() {
    List<Long> oldDone = new ArrayList<>();
    List<Long> oldSent = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Instant when = i < 4 ? T0 : at(1); // four at the same moment, so a page ends among them
      long inbound = record("old-done-" + i, when);
      store().markProcessed(inbound);
      oldDone.add(inbound);
      OutboxEntry sent = store().enqueue(message(BOB, "old sent " + i), when);
      store().markSent(sent.id(), "tg-" + i, when);
      oldSent.add(sent.id());
    }
    long oldWaiting = record("old-waiting", T0);
    long oldGivenUpOn = record("old-given-up-on", T0);
    store().giveUpInbound(oldGivenUpOn);
    long newDone = record("new-done", at(100));
    store().markProcessed(newDone);
    OutboxEntry oldPending = store().enqueue(message(ALICE, "old pending"), T0);
    OutboxEntry oldClaimed = store().enqueue(message(ALICE, "old claimed"), T0);
    store().claimOutbox(oldClaimed.id(), T0, at(1));
    OutboxEntry oldDead = store().enqueue(message(ALICE, "old dead letter"), T0);
    store().markDeadLetter(oldDead.id(), "500");
    OutboxEntry newSent = store().enqueue(message(BOB, "new sent"), at(100));
    store().markSent(newSent.id(), "tg-new", at(100));

    List<Integer> inboundPages = deleteInPagesOfTwo(RetainedRows.HANDLED_INBOUND);
    List<Integer> sentPages = deleteInPagesOfTwo(RetainedRows.SENT_OUTBOX);
    List<Integer> givenUpPages = deleteInPagesOfTwo(RetainedRows.GIVEN_UP_OUTBOX);

    assertThat(inboundPages).containsExactly(2, 2, 1);
    assertThat(sentPages).containsExactly(2, 2, 1);
    assertThat(givenUpPages).containsExactly(1);
    assertThat(store().unprocessedInbound(10))
        .extracting(StoredInbound::id)
        .containsExactly(oldWaiting);
    for (int i = 0; i < 5; i++) {
      assertThat(store().recordInbound(direct(ALICE, "old-done-" + i, "x"))).isPresent();
      assertThat(store().outboxEntry(oldSent.get(i))).isEmpty();
    }
    assertThat(store().recordInbound(direct(ALICE, "old-given-up-on", "x"))).isEmpty();
    assertThat(store().recordInbound(direct(ALICE, "new-done", "x"))).isEmpty();
    assertThat(store().outboxEntry(oldPending.id())).isPresent();
    assertThat(store().outboxEntry(oldClaimed.id())).as("maybe being sent").isPresent();
    assertThat(store().outboxEntry(oldDead.id())).isEmpty();
    assertThat(store().outboxEntry(newSent.id())).isPresent();
  }

  /** Deletes rows older than fifty minutes two at a time: how many each page deleted. */
  private List<Integer> deleteInPagesOfTwo(RetainedRows rows) {
    List<Integer> deleted = new ArrayList<>();
    Optional<RetentionPage.Cursor> next = Optional.of(RetentionPage.Cursor.START);
    while (next.isPresent()) {
      RetentionPage.Cursor after = next.get();
      RetentionPage page =
          store().inTransaction(() -> store().deleteOldRows(rows, at(50), after, 2));
      deleted.add(page.rows());
      next = page.next();
    }
    return deleted.get(deleted.size() - 1) == 0 ? deleted.subList(0, deleted.size() - 1) : deleted;
  }

  @Test
  default void sentEntriesOfATopicAreDeletedWhateverTheirAgeButPendingOnesStay() {
    OutboxEntry sent = store().enqueue(message(BOB, "bye").about("forget:done"), T0);
    store().markSent(sent.id(), "tg-1", T0);
    OutboxEntry pending = store().enqueue(message(ALICE, "bye").about("forget:done"), T0);
    OutboxEntry other = store().enqueue(message(BOB, "hi").about("match:1:2"), T0);
    store().markSent(other.id(), "tg-2", T0);

    assertThat(store().deleteSentOutboxAbout("forget:done")).isEqualTo(1);

    assertThat(store().outboxEntry(sent.id())).isEmpty();
    assertThat(store().outboxEntry(pending.id())).isPresent();
    assertThat(store().outboxEntry(other.id())).isPresent();
  }

  @Test
  default void closedListingsPastTheCutoffLoseTheirTextAndAuthorButKeepTheRest() {
    Listing closed = stored(Kind.NEED, T0, at(10));
    store().updateStatus(closed.id(), Status.EXPIRED);
    Listing active = stored(Kind.NEED, T0, at(10));
    Listing recent = stored(Kind.NEED, T0, at(500));
    store().updateStatus(recent.id(), Status.FULFILLED);

    assertThat(store().eraseClosedListingsBefore(at(100))).isEqualTo(1);

    Listing erased = store().listingById(closed.id()).orElseThrow();
    assertThat(erased.text()).isEmpty();
    assertThat(erased.author().id()).isNotEqualTo(ALICE.id());
    assertThat(erased.categories()).isEqualTo(closed.categories());
    assertThat(erased.place()).isEqualTo(closed.place());
    assertThat(store().listingById(active.id())).contains(active);
    assertThat(store().listingById(recent.id()).orElseThrow().text()).isEqualTo(recent.text());
    assertThat(store().eraseClosedListingsBefore(at(100))).isZero();
  }

  @Test
  default void closedListingsAreErasedAPageAtATimeFromWhereTheLastPageEnded() {
    List<Listing> closed = new ArrayList<>();
    for (int minute : new int[] {40, 10, 30, 10, 20}) {
      Listing listing = stored(Kind.NEED, T0, at(minute));
      store().updateStatus(listing.id(), Status.EXPIRED);
      closed.add(listing);
    }
    Listing active = stored(Kind.NEED, T0, at(15));
    Listing recent = stored(Kind.OFFER, T0, at(500));
    store().updateStatus(recent.id(), Status.WITHDRAWN);

    RetentionPage first = store().eraseClosedListingsBefore(at(100), RetentionPage.Cursor.START, 2);
    assertThat(first.rows()).isEqualTo(2);
    assertThat(first.next()).contains(new RetentionPage.Cursor(at(10), closed.get(3).id()));
    assertThat(erased(closed)).containsExactly(closed.get(1).id(), closed.get(3).id());

    RetentionPage second = store().eraseClosedListingsBefore(at(100), first.next().get(), 2);
    assertThat(second.rows()).isEqualTo(2);
    RetentionPage third = store().eraseClosedListingsBefore(at(100), second.next().get(), 2);
    assertThat(third.rows()).isEqualTo(1);
    assertThat(third.next()).isEmpty();

    assertThat(erased(closed)).hasSize(5);
    assertThat(store().listingById(active.id())).contains(active);
    assertThat(store().listingById(recent.id()).orElseThrow().text()).isEqualTo(recent.text());
    RetentionPage again = store().eraseClosedListingsBefore(at(100), RetentionPage.Cursor.START, 2);
    assertThat(again).isEqualTo(new RetentionPage(0, Optional.empty()));
  }

  @Test
  default void aPageErasesWhatTheWholeErasureWouldAndKeepsWhatStatisticsNeed() {
    Listing closed = stored(Kind.NEED, T0, at(10));
    store().updateStatus(closed.id(), Status.FULFILLED);

    assertThat(store().eraseClosedListingsBefore(at(100), RetentionPage.Cursor.START, 500).rows())
        .isEqualTo(1);

    Listing erased = store().listingById(closed.id()).orElseThrow();
    assertThat(erased.text()).isEmpty();
    assertThat(erased.author().id()).isNotEqualTo(ALICE.id());
    assertThat(erased.categories()).isEqualTo(closed.categories());
    assertThat(erased.place()).isEqualTo(closed.place());
    assertThat(erased.status()).isEqualTo(Status.FULFILLED);
    assertThat(store().eraseClosedListingsBefore(at(100))).isZero();
  }

  private List<Long> erased(List<Listing> listings) {
    return listings.stream()
        .map(l -> store().listingById(l.id()).orElseThrow())
        .filter(l -> l.text().isEmpty())
        .map(Listing::id)
        .toList();
  }

  private long record(String id, Instant at) {
    return store().recordInbound(InboundMessage.direct(ALICE, id, "need food", at)).orElseThrow();
  }
}
