package org.aidbridge.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.aidbridge.bot.match.MatchScorer;
import org.aidbridge.bot.match.Matcher;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;

/**
 * What every matching benchmark measures on: a store in memory holding {@code openListings} random
 * open offers, the matcher over it, and {@code needs} random needs to match, all drawn from one
 * fixed seed so that every benchmark and every run sees the same data.
 */
record MatchWorld(Store store, Matcher matcher, List<Listing> needs) implements AutoCloseable {

  static MatchWorld of(int openListings, int needs) {
    Store store = SqliteStore.open(":memory:");
    SplittableRandom random = new SplittableRandom(42);
    store.inTransaction(
        () -> {
          for (int i = 0; i < openListings; i++) {
            store.insertListing(MatchBenchmark.listing(random, Kind.OFFER, i));
          }
        });
    List<Listing> drawn =
        IntStream.range(0, needs)
            .mapToObj(i -> MatchBenchmark.listing(random, Kind.NEED, -i))
            .toList();
    return new MatchWorld(store, new Matcher(store, new MatchScorer(150)), drawn);
  }

  @Override
  public void close() {
    store.close();
  }
}
