package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.ALICE;
import static org.aidbridge.bot.store.StoreFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Kind;
import org.junit.jupiter.api.Test;

/**
 * How a new listing's reference is chosen: a random one of the shortest length that still has a
 * free one among its tries, never one a listing has.
 */
class ListingRefChoiceTest {

  /** Draws the same character every time, so every try of one length is the same reference. */
  private static final RandomGenerator ALWAYS_THE_FIRST = () -> 0L;

  @Test
  void aTakenReferenceIsSkippedAndALongerOneTakenWhenEveryTryOfALengthIsTaken() {
    try (SqliteStore store = SqliteStore.open(":memory:", ALWAYS_THE_FIRST)) {
      String first = store.insertListing(draft(Kind.NEED, ALICE, Category.FOOD)).ref();
      String second = store.insertListing(draft(Kind.NEED, ALICE, Category.FOOD)).ref();
      String third = store.insertListing(draft(Kind.NEED, ALICE, Category.FOOD)).ref();
      String offer = store.insertListing(draft(Kind.OFFER, ALICE, Category.FOOD)).ref();

      assertThat(first).isEqualTo("N-222");
      assertThat(second).isEqualTo("N-2222");
      assertThat(third).isEqualTo("N-22222");
      assertThat(offer).as("offers have references of their own").isEqualTo("O-222");
    }
  }

  @Test
  void onceAllTheTriesOfALengthWereTakenTheNextSearchStartsLonger() {
    Scripted random = new Scripted();
    random.tries("222");
    random.tries("222", "222", "222", "222", "222", "222", "222", "222", "3333");
    random.tries("4444");
    try (SqliteStore store = SqliteStore.open(":memory:", random)) {
      store.insertListing(draft(Kind.NEED, ALICE, Category.FOOD));
      assertThat(store.insertListing(draft(Kind.NEED, ALICE, Category.FOOD)).ref())
          .isEqualTo("N-3333");
      assertThat(store.insertListing(draft(Kind.NEED, ALICE, Category.FOOD)).ref())
          .as("the three-character ones are not tried again")
          .isEqualTo("N-4444");
      assertThat(store.insertListing(draft(Kind.OFFER, ALICE, Category.FOOD)).ref())
          .as("offers are another kind: theirs are not crowded")
          .hasSize(5);
    }
  }

  @Test
  void theFirstFreeOfTheTriesIsTaken() {
    // Each try draws three characters.
    Scripted random = new Scripted();
    random.tries("222");
    random.tries("222", "444");
    try (SqliteStore store = SqliteStore.open(":memory:", random)) {
      assertThat(store.insertListing(draft(Kind.NEED, ALICE, Category.FOOD)).ref())
          .isEqualTo("N-222");
      assertThat(store.insertListing(draft(Kind.NEED, ALICE, Category.FOOD)).ref())
          .as("N-222 is taken; N-444 is the next try")
          .isEqualTo("N-444");
    }
  }

  /** Draws the characters it is given, in order (then the first character of the alphabet). */
  private static final class Scripted implements RandomGenerator {
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private final java.util.ArrayDeque<Integer> draws = new java.util.ArrayDeque<>();

    void tries(String... refs) {
      for (String ref : refs) {
        ref.chars().forEach(c -> draws.add(ALPHABET.indexOf(c)));
      }
    }

    @Override
    public long nextLong() {
      return 0L;
    }

    @Override
    public int nextInt(int bound) {
      return draws.isEmpty() ? 0 : draws.poll();
    }
  }
}
