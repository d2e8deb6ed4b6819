package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.ALICE;
import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.aidbridge.bot.store.StoreFixtures.at;
import static org.aidbridge.bot.store.StoreFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.ListingRefs;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Urgency;
import org.junit.jupiter.api.Test;

/** Listings: ids, references, lookups and the active-listing queries matching relies on. */
public interface ListingContract {

  Store store();

  @Test
  default void insertedListingGetsIdAndReferenceAndReadsBackUnchanged() {
    Listing draft = draft(Kind.NEED, ALICE, Category.FOOD, Category.MEDICINE);

    Listing stored = store().insertListing(draft);

    assertThat(stored.id()).isPositive();
    assertThat(stored.ref()).startsWith("N-").matches(ListingRefs::looksLikeRef);
    assertThat(stored).isEqualTo(draft.withIdAndRef(stored.id(), stored.ref()));
    assertThat(store().listingById(stored.id())).contains(stored);
  }

  @Test
  default void activeListingsAreReadAPageAtATimeInIdOrderWithoutTheClosedOnes() {
    List<Long> active = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Listing l = store().insertListing(draft(i % 2 == 0 ? Kind.NEED : Kind.OFFER, ALICE));
      if (i == 2 || i == 5) {
        store().updateStatus(l.id(), i == 2 ? Status.FULFILLED : Status.HIDDEN);
      } else {
        if (i == 4) {
          store().updateStatus(l.id(), Status.MATCHED);
        }
        active.add(l.id());
      }
    }

    List<Long> read = new java.util.ArrayList<>();
    long after = 0;
    for (List<Listing> page = store().activeListingsAfter(after, 2);
        !page.isEmpty();
        page = store().activeListingsAfter(after, 2)) {
      assertThat(page).hasSizeLessThanOrEqualTo(2);
      page.forEach(l -> read.add(l.id()));
      after = page.get(page.size() - 1).id();
    }

    assertThat(read).containsExactlyElementsOf(active);
    assertThat(store().activeListingsAfter(active.get(2) - 1, 1))
        .containsExactly(store().listingById(active.get(2)).orElseThrow());
  }

  @Test
  default void listingsAreReadByIdsAtOnceAndAnUnknownIdIsLeftOut() {
    Listing a = store().insertListing(draft(Kind.NEED, ALICE, Category.FOOD, Category.MEDICINE));
    Listing b = store().insertListing(draft(Kind.OFFER, BOB, Category.FOOD));
    Listing c = store().insertListing(draft(Kind.OFFER, BOB, Category.WATER));

    assertThat(store().listingsByIds(List.of(c.id(), a.id(), c.id() + 1000)))
        .containsExactlyInAnyOrder(c, a);
    assertThat(store().listingsByIds(List.of(b.id()))).containsExactly(b);
    assertThat(store().listingsByIds(List.of())).isEmpty();
  }

  @Test
  default void listingWithoutPlaceItemsOrExternalIdReadsBackUnchanged() {
    Listing bare =
        new Listing(
            0,
            null,
            Kind.OFFER,
            Set.of(Category.OTHER),
            List.of(),
            "I can help",
            null,
            Urgency.LOW,
            T0,
            T0.plus(Duration.ofDays(1)),
            Status.OPEN,
            BOB,
            "fa",
            null);

    Listing stored = store().insertListing(bare);

    assertThat(stored.ref()).startsWith("O-");
    assertThat(store().listingById(stored.id())).contains(stored);
  }

  @Test
  default void everyListingGetsItsOwnReference() {
    Set<String> refs = new HashSet<>();
    for (int i = 0; i < 150; i++) {
      refs.add(store().insertListing(draft(Kind.NEED, ALICE, Category.FOOD)).ref());
      refs.add(store().insertListing(draft(Kind.OFFER, BOB, Category.FOOD)).ref());
    }
    assertThat(refs).hasSize(300);
  }

  @Test
  default void listingIsFoundByReferenceInAnyCase() {
    Listing stored = store().insertListing(draft(Kind.OFFER, BOB, Category.WATER));

    assertThat(store().listingByRef(stored.ref())).contains(stored);
    assertThat(store().listingByRef(stored.ref().toLowerCase(Locale.ROOT))).contains(stored);
    assertThat(store().listingByRef("N-ZZZZZZ")).isEmpty();
  }

  @Test
  default void unknownIdFindsNothing() {
    assertThat(store().listingById(12345)).isEmpty();
  }

  @Test
  default void listingIsFoundByExternalId() {
    Listing base = draft(Kind.NEED, ALICE, Category.FOOD);
    Listing imported =
        new Listing(
            0,
            null,
            base.kind(),
            base.categories(),
            base.items(),
            base.text(),
            base.place(),
            base.urgency(),
            base.createdAt(),
            base.expiresAt(),
            base.status(),
            base.author(),
            base.language(),
            "sheet-row-17");
    store().insertListing(base);
    Listing stored = store().insertListing(imported);

    assertThat(store().listingByExternalId("sheet-row-17")).contains(stored);
    assertThat(store().listingByExternalId("sheet-row-18")).isEmpty();
  }

  @Test
  default void listingsStoredTogetherComeBackInTheirOrderEachWithItsOwnReference() {
    List<Listing> drafts =
        List.of(
            draft(Kind.NEED, ALICE, Category.FOOD),
            draft(Kind.OFFER, BOB, Category.MEDICINE, Category.WATER),
            draft(Kind.NEED, BOB, Category.CLOTHING));

    List<Listing> stored = store().insertListings(drafts);

    assertThat(stored).hasSize(3);
    // Ids are not promised in the drafts' order: one whose reference was taken gets a later one.
    assertThat(stored).extracting(Listing::id).doesNotHaveDuplicates();
    assertThat(stored).extracting(Listing::ref).doesNotHaveDuplicates();
    for (int i = 0; i < drafts.size(); i++) {
      assertThat(stored.get(i))
          .isEqualTo(drafts.get(i).withIdAndRef(stored.get(i).id(), stored.get(i).ref()));
    }
    assertThat(store().allListings()).containsExactlyInAnyOrderElementsOf(stored);
    assertThat(store().insertListings(List.of())).isEmpty();
  }

  @Test
  default void externalIdsAskedAboutTogetherAreThoseSomeListingHas() {
    Listing base = draft(Kind.NEED, ALICE, Category.FOOD);
    for (String id : List.of("sheet-row-1", "sheet-row-3")) {
      store()
          .insertListing(
              new Listing(
                  0,
                  null,
                  base.kind(),
                  base.categories(),
                  base.items(),
                  base.text(),
                  base.place(),
                  base.urgency(),
                  base.createdAt(),
                  base.expiresAt(),
                  base.status(),
                  base.author(),
                  base.language(),
                  id));
    }
    store().insertListing(base); // no external id
    List<String> asked = new java.util.ArrayList<>();
    for (int i = 0; i < 1200; i++) { // more than one query asks about
      asked.add("sheet-row-" + i);
    }

    assertThat(store().externalIdsPresent(asked))
        .containsExactlyInAnyOrder("sheet-row-1", "sheet-row-3");
    assertThat(store().externalIdsPresent(List.of())).isEmpty();
  }

  @Test
  default void authorsActiveListingsComeNewestFirst() {
    Listing older = store().insertListing(draft(Kind.NEED, ALICE, at(1), Category.FOOD));
    Listing newer = store().insertListing(draft(Kind.OFFER, ALICE, at(5), Category.WATER));
    Listing matched = store().insertListing(draft(Kind.NEED, ALICE, at(3), Category.MONEY));
    Listing done = store().insertListing(draft(Kind.NEED, ALICE, at(4), Category.PETS));
    store().insertListing(draft(Kind.NEED, BOB, at(6), Category.FOOD));
    store().updateStatus(matched.id(), Status.MATCHED);
    store().updateStatus(done.id(), Status.FULFILLED);

    assertThat(store().activeListingsOf(ALICE))
        .extracting(Listing::id)
        .containsExactly(newer.id(), matched.id(), older.id());
  }

  @Test
  default void allListingsComeInIdOrderWhateverTheirStatus() {
    Listing a = store().insertListing(draft(Kind.NEED, ALICE, at(9), Category.FOOD));
    Listing b = store().insertListing(draft(Kind.OFFER, BOB, at(1), Category.FOOD));
    store().updateStatus(a.id(), Status.EXPIRED);

    assertThat(store().allListings()).containsExactly(a.withStatus(Status.EXPIRED), b);
  }

  @Test
  default void statusUpdateIsKept() {
    Listing stored = store().insertListing(draft(Kind.NEED, ALICE, Category.FOOD));

    store().updateStatus(stored.id(), Status.WITHDRAWN);

    assertThat(store().listingById(stored.id())).contains(stored.withStatus(Status.WITHDRAWN));
  }

  @Test
  default void statusSetAgainWritesNothingAndTellsNoWatcher() {
    Listing stored = store().insertListing(draft(Kind.NEED, ALICE, Category.FOOD));
    store().updateStatus(stored.id(), Status.MATCHED);
    List<String> told = new ArrayList<>();
    store().watchListingChanges(tellingWatcher(told));
    var lastChangeBefore = store().lastListingChange();

    store().updateStatus(stored.id(), Status.MATCHED);

    assertThat(told).isEmpty();
    assertThat(store().lastListingChange()).isEqualTo(lastChangeBefore);
    assertThat(store().listingById(stored.id())).contains(stored.withStatus(Status.MATCHED));

    store().updateStatus(stored.id(), Status.FULFILLED);

    assertThat(told).containsExactly("changed " + stored.id() + " FULFILLED");
  }

  @Test
  default void statusOfNoListingIsRefused() {
    assertThatThrownBy(() -> store().updateStatus(424242, Status.MATCHED))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("no listing with id 424242");
  }

  /** A watcher that writes down what it is told, one line each. */
  private static ListingWatcher tellingWatcher(List<String> told) {
    return new ListingWatcher() {
      @Override
      public void changed(Listing listing) {
        told.add("changed " + listing.id() + " " + listing.status());
      }

      @Override
      public void removed(long listingId) {
        told.add("removed " + listingId);
      }

      @Override
      public void cleared() {
        told.add("cleared");
      }
    };
  }

  @Test
  default void updatedDetailsReplaceCategoriesPlaceAndExpiryButKeepIdentity() {
    Listing stored = store().insertListing(draft(Kind.NEED, ALICE, Category.OTHER));
    Listing changed =
        new Listing(
            stored.id(),
            "N-ZZZ",
            stored.kind(),
            Set.of(Category.MEDICINE),
            List.of(),
            "ignored text",
            null,
            Urgency.LOW,
            T0.plus(Duration.ofDays(1)),
            T0.plus(Duration.ofDays(3)),
            Status.FULFILLED,
            BOB,
            "es",
            "x");

    store().updateListing(changed);

    Listing read = store().listingById(stored.id()).orElseThrow();
    assertThat(read.categories()).containsExactly(Category.MEDICINE);
    assertThat(read.items()).isEmpty();
    assertThat(read.place()).isNull();
    assertThat(read.urgency()).isEqualTo(Urgency.LOW);
    assertThat(read.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
    assertThat(read.ref()).isEqualTo(stored.ref());
    assertThat(read.author()).isEqualTo(ALICE);
    assertThat(read.status()).isEqualTo(stored.status());
    assertThat(read.text()).isEqualTo(stored.text());
  }
}
