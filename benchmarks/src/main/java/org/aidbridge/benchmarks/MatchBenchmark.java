package org.aidbridge.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * How long it takes to find the best three offers for one new need among {@code openListings} open
 * offers spread over the 16 categories (three of which travel), 50 items and a 1,000 km square,
 * with one in ten of unknown place and one in twenty that ships: through the match index ({@code
 * matchOneNeed}), and by scoring every open listing of the other kind ({@code fullScan}, the
 * reference), in the same run. Sample mode, so the percentiles are reported.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx1g"})
public class MatchBenchmark {
  static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final List<String> WORDS =
      List.of("warm", "winter", "baby", "fresh", "clinic", "ride", "pills", "blankets", "boxes");

  @Param({"1000", "10000", "100000"})
  public int openListings;

  private MatchWorld world;
  private Matcher matcher;
  private List<Listing> needs;

  @Setup(Level.Trial)
  public void fill() {
    world = MatchWorld.of(openListings, 64);
    matcher = world.matcher();
    needs = world.needs();
  }

  @TearDown(Level.Trial)
  public void close() {
    world.close();
  }

  private int next;

  @Benchmark
  public List<Match> matchOneNeed() {
    return matcher.matchesFor(needs.get(next++ & 63), NOW, 3);
  }

  @Benchmark
  public List<Match> fullScan() {
    return matcher.matchesByFullScan(needs.get(next++ & 63), NOW, 3);
  }

  static Listing listing(SplittableRandom random, Kind kind, int person) {
    Category category = Category.values()[random.nextInt(Category.values().length)];
    Place place =
        random.nextInt(10) == 0
            ? null
            : new Place(
                "p", "p", "US", 40 + random.nextDouble() * 9, -120 + random.nextDouble() * 12);
    String item = "item" + random.nextInt(50);
    String text =
        WORDS.get(random.nextInt(WORDS.size()))
            + " "
            + WORDS.get(random.nextInt(WORDS.size()))
            + " "
            + item
            + (kind == Kind.OFFER && random.nextInt(20) == 0 ? ", can ship" : "");
    return new Listing(
        0,
        null,
        kind,
        Set.of(category),
        List.of(Item.named(item)),
        text,
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
