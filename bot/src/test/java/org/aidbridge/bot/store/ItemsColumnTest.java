package org.aidbridge.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Item;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Urgency;
import org.junit.jupiter.api.Test;

/** Items parsed once per distinct stored text still read back as each listing's own. */
class ItemsColumnTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  @Test
  void listingsReadBackWithTheirOwnItemsWhetherTheyShareThemOrNot() {
    List<List<Item>> kinds =
        List.of(
            List.of(Item.named("insulin")),
            List.of(new Item("rice", new BigDecimal("2"), "bag")),
            List.of(new Item("rice", new BigDecimal("3"), "bag"), Item.named("insulin")),
            List.of());
    try (Store store = SqliteStore.open(":memory:")) {
      List<Listing> stored = new ArrayList<>();
      for (int i = 0; i < 3 * kinds.size(); i++) {
        stored.add(store.insertListing(listing(kinds.get(i % kinds.size()))));
      }
      for (int i = 0; i < stored.size(); i++) {
        assertThat(store.listingById(stored.get(i).id()).orElseThrow().items())
            .isEqualTo(kinds.get(i % kinds.size()));
      }
      assertThat(store.activeListingsAfter(0, 100))
          .extracting(Listing::items)
          .containsExactlyElementsOf(stored.stream().map(Listing::items).toList());
    }
  }

  private static Listing listing(List<Item> items) {
    return new Listing(
        0,
        null,
        Kind.NEED,
        Set.of(Category.FOOD),
        items,
        "need things",
        null,
        Urgency.NORMAL,
        NOW,
        NOW.plus(Duration.ofDays(7)),
        Status.OPEN,
        Address.person(Channel.EMAIL, "ana@example.org"),
        "en",
        null);
  }
}
