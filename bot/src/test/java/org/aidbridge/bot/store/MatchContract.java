package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.ALICE;
import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.CARA;
import static org.aidbridge.bot.store.StoreFixtures.draft;
import static org.aidbridge.bot.store.StoreFixtures.match;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Match;
import org.junit.jupiter.api.Test;

/** Matches: one per need and offer pair, listed best first. */
public interface MatchContract {

  Store store();

  @Test
  default void storedMatchIsListedForBothItsListings() {
    Listing need = store().insertListing(draft(Kind.NEED, ALICE, Category.FOOD));
    Listing offer = store().insertListing(draft(Kind.OFFER, BOB, Category.FOOD));

    Match stored = store().insertMatch(match(need, offer, 3.5));

    assertThat(stored.id()).isPositive();
    assertThat(stored).isEqualTo(match(need, offer, 3.5).withId(stored.id()));
    assertThat(store().matchesOf(need.id())).containsExactly(stored);
    assertThat(store().matchesOf(offer.id())).containsExactly(stored);
  }

  @Test
  default void secondMatchOfTheSamePairReturnsTheFirst() {
    Listing need = store().insertListing(draft(Kind.NEED, ALICE, Category.FOOD));
    Listing offer = store().insertListing(draft(Kind.OFFER, BOB, Category.FOOD));
    Match first = store().insertMatch(match(need, offer, 2.0));

    Match again = store().insertMatch(match(need, offer, 9.0));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.score()).isEqualTo(2.0);
    assertThat(store().matchesOf(need.id())).hasSize(1);
  }

  @Test
  default void matchesOfAListingComeBestFirst() {
    Listing need = store().insertListing(draft(Kind.NEED, ALICE, Category.FOOD));
    Listing weak = store().insertListing(draft(Kind.OFFER, BOB, Category.FOOD));
    Listing strong = store().insertListing(draft(Kind.OFFER, CARA, Category.FOOD));
    Listing otherNeed = store().insertListing(draft(Kind.NEED, CARA, Category.FOOD));
    store().insertMatch(match(need, weak, 1.0));
    store().insertMatch(match(need, strong, 5.0));
    store().insertMatch(match(otherNeed, weak, 4.0));

    assertThat(store().matchesOf(need.id()))
        .extracting(m -> m.offer().id())
        .containsExactly(strong.id(), weak.id());
    assertThat(store().matchesOf(weak.id()))
        .extracting(m -> m.need().id())
        .containsExactly(otherNeed.id(), need.id());
  }

  @Test
  default void listingWithoutMatchesHasNone() {
    Listing need = store().insertListing(draft(Kind.NEED, ALICE, Category.FOOD));

    assertThat(store().matchesOf(need.id())).isEmpty();
  }

  @Test
  default void matchesStoredTogetherComeBackAsOneByOneWould() {
    Listing need = store().insertListing(draft(Kind.NEED, ALICE, Category.FOOD));
    Listing a = store().insertListing(draft(Kind.OFFER, BOB, Category.FOOD));
    Listing b = store().insertListing(draft(Kind.OFFER, CARA, Category.FOOD));
    Listing c = store().insertListing(draft(Kind.OFFER, BOB, Category.WATER));
    Match before = store().insertMatch(match(need, a, 2.0));

    List<Match> stored =
        store()
            .insertMatches(
                List.of(
                    match(need, b, 3.0),
                    match(need, a, 9.0),
                    match(need, c, 1.0),
                    match(need, b, 7.0)));

    assertThat(stored.get(0)).isEqualTo(match(need, b, 3.0).withId(stored.get(0).id()));
    assertThat(stored.get(1)).extracting(Match::id, Match::score).containsExactly(before.id(), 2.0);
    assertThat(stored.get(2)).isEqualTo(match(need, c, 1.0).withId(stored.get(2).id()));
    assertThat(stored.get(3))
        .extracting(Match::id, Match::score)
        .containsExactly(stored.get(0).id(), 3.0);
    assertThat(store().matchesOf(need.id()))
        .extracting(m -> m.offer().id())
        .containsExactly(b.id(), a.id(), c.id());
    assertThat(store().insertMatches(List.of())).isEmpty();
  }

  @Test
  default void manyMatchesStoredTogetherEachGetTheirOwnRow() {
    Listing need = store().insertListing(draft(Kind.NEED, ALICE, Category.FOOD));
    List<Match> found = new ArrayList<>();
    for (int i = 0; i < 2 * MatchTable.PER_INSERT + 3; i++) {
      Listing offer = store().insertListing(draft(Kind.OFFER, BOB, Category.FOOD));
      found.add(match(need, offer, i));
    }

    List<Match> stored = store().insertMatches(found);

    for (int i = 0; i < found.size(); i++) {
      assertThat(stored.get(i)).isEqualTo(found.get(i).withId(stored.get(i).id()));
    }
    assertThat(stored).extracting(Match::id).doesNotHaveDuplicates();
    assertThat(store().matchesOf(need.id())).containsExactlyInAnyOrderElementsOf(stored);
  }
}
