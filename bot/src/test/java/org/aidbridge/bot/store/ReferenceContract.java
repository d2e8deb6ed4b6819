package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.ALICE;
import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.junit.jupiter.api.Test;

/**
 * How a store picks listing references, with a random source that always gives the same one: a
 * taken reference inserts nothing, the next is tried, longer ones once the short ones are taken;
 * one listing at a time and many together alike.
 */
interface ReferenceContract {

  /** A new, empty store drawing its references from {@code random}. */
  Store open(RandomGenerator random);

  @Test
  default void referencesGrowLongerWhenShortOnesAreTaken() throws Exception {
    try (Store store = open(() -> 0L)) {
      List<String> refs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        refs.add(store.insertListing(draft(Kind.NEED, ALICE, Category.FOOD)).ref());
      }
      String offer = store.insertListing(draft(Kind.OFFER, BOB, Category.FOOD)).ref();

      assertThat(refs).containsExactly("N-222", "N-2222", "N-22222", "N-222222");
      assertThat(offer).isEqualTo("O-222");
      assertThatThrownBy(() -> store.insertListing(draft(Kind.NEED, ALICE, Category.FOOD)))
          .isInstanceOf(StoreException.class);
      assertThat(store.allListings()).hasSize(5);
    }
  }

  @Test
  default void listingsStoredTogetherTakeTheSameReferencesAsOneByOne() throws Exception {
    try (Store store = open(() -> 0L)) {
      List<Listing> drafts = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        drafts.add(draft(Kind.NEED, ALICE, Category.FOOD));
      }
      drafts.add(draft(Kind.OFFER, BOB, Category.FOOD));

      List<Listing> stored = store.insertListings(drafts);

      assertThat(stored)
          .extracting(Listing::ref)
          .containsExactly("N-222", "N-2222", "N-22222", "N-222222", "O-222");
      assertThat(store.allListings()).containsExactlyInAnyOrderElementsOf(stored);
      List<Listing> oneMore = List.of(draft(Kind.OFFER, BOB), draft(Kind.NEED, ALICE));
      assertThatThrownBy(() -> store.insertListings(oneMore)).isInstanceOf(StoreException.class);
      assertThat(store.allListings()).hasSize(5); // all or none: the offer went too
    }
  }

  @Test
  default void manyListingsStoredTogetherAreEachStoredWithTheirCategories() throws Exception {
    try (Store store = open(new java.util.Random(7))) {
      List<Listing> drafts = new ArrayList<>();
      for (int i = 0; i < 2 * ListingRows.PER_INSERT + 7; i++) {
        drafts.add(
            i % 2 == 0
                ? draft(Kind.NEED, ALICE, Category.FOOD, Category.MEDICINE)
                : draft(Kind.OFFER, BOB, Category.values()[i % Category.values().length]));
      }

      List<Listing> stored = store.insertListings(drafts);

      for (int i = 0; i < drafts.size(); i++) {
        Listing one = stored.get(i);
        assertThat(one).isEqualTo(drafts.get(i).withIdAndRef(one.id(), one.ref()));
      }
      assertThat(stored).extracting(Listing::ref).doesNotHaveDuplicates();
      assertThat(store.allListings()).containsExactlyInAnyOrderElementsOf(stored);
    }
  }
}
