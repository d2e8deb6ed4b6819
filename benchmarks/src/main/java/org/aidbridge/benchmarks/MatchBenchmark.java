package org.aidbridge.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.aidbridge.bot.match.MatchScorer;
import org.aidbridge.bot.match.Matcher;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Item;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Match;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Urgency;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long it takes to find the matches of one new need among {@code openListings} open listings
 * spread over the 16 categories and a 1,000 km square (SQLite in memory, category index).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class MatchBenchmark {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  @Param({"1000", "10000"})
  public int openListings;

  private Store store;
  private Matcher matcher;
  private List<Listing> needs;

  @Setup(Level.Trial)
  public void fill() {
    store = SqliteStore.open(":memory:");
    matcher = new Matcher(store, new MatchScorer(150));
    SplittableRandom random = new SplittableRandom(42);
    store.inTransaction(
        () -> {
          for (int i = 0; i < openListings; i++) {
            store.insertListing(listing(random, Kind.OFFER, i));
          }
        });
    needs =
        java.util.stream.IntStream.range(0, 64)
            .mapToObj(i -> listing(random, Kind.NEED, -i))
            .toList();
  }

  @TearDown(Level.Trial)
  public void close() {
    store.close();
  }

  private int next;

  @Benchmark
  public List<Match> matchOneNeed() {
    return matcher.matchesFor(needs.get(next++ & 63), NOW, 3);
  }

  private static Listing listing(SplittableRandom random, Kind kind, int person) {
    Category category = Category.values()[random.nextInt(Category.values().length)];
    Place place =
        new Place("p", "p", "US", 40 + random.nextDouble() * 9, -120 + random.nextDouble() * 12);
    return new Listing(
        0,
        null,
        kind,
        Set.of(category),
        List.of(Item.named("item" + random.nextInt(50))),
        "text",
        place,
        Urgency.NORMAL,
        NOW.minus(Duration.ofHours(random.nextInt(200))),
        NOW.plus(Duration.ofDays(7)),
        Status.OPEN,
        Address.person(Channel.TELEGRAM, "p" + person),
        "en",
        null);
  }
}
