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
import org.junit.jupiter.api.Test;

/**
 * How a store picks listing references, with a random source that always gives the same one: a
 * taken reference inserts nothing, the next is tried, longer ones once the short ones are taken.
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
}
