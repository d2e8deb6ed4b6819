package org.aidbridge.bot.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.aidbridge.bot.model.Category;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Measures the parser on the labelled corpus under {@code corpus/<language>.tsv} (messages written
 * for this project: listings, chatter and the hard cases) and prints a table per language. The
 * figures are copied into docs/parser-quality.md. The parser's classifier ({@link KindGate}) is
 * trained on these very files, so every figure here is in-sample for it; the floors were set from
 * blind figures of the rules and guard against going back. What the classifier does on a writer it
 * never saw is measured by {@link HeldOutWriterTest}.
 */
class CorpusTest {

  private static final ParseContext CONTEXT =
      ParseContext.at(Instant.parse("2026-11-24T10:00:00Z"));

  /** The parser must tell needs and offers apart from each other and from chatter. */
  private static final double MIN_KIND_F1 = 0.9;

  /**
   * Most listings name one category plainly; messages with two (bail and money, food and water) or
   * an object no category fits are where the parser may add or miss one.
   */
  private static final double MIN_CATEGORY_EXACT = 0.8;

  private static final double MIN_CATEGORY_F1 = 0.85;

  /**
   * On the second held-out batch (blind batch 6) the parser measured 0.87 to 1.00 per kind and
   * language; its floor sits a little below the lowest so that only a real regression fails.
   */
  private static final double MIN_HELD_OUT2_KIND_F1 = 0.85;

  /** Measured 0.79 to 0.92 on the second held-out batch. */
  private static final double MIN_HELD_OUT2_CATEGORY_EXACT = 0.75;

  /**
   * The third held-out batch (blind batch 7): realistic group-chat streams, most of it chatter with
   * hard negatives, written by someone who never read the parser. Measured once after the issue-11
   * work (docs/parser-quality.md): need F1 0.78 / 0.79 / 0.74 (en / es / fa), offer F1 0.80 / 0.75
   * / 0.68, none F1 0.89 / 0.87 / 0.84, category exact 0.73 / 0.79 / 0.75, false listings 6.6% /
   * 9.3% / 9.1%. The floors sit a little below the lowest of those blind figures, not the in-sample
   * ones; the false-listing ceiling a little above the highest.
   */
  private static final double MIN_HELD_OUT3_NEED_F1 = 0.70;

  private static final double MIN_HELD_OUT3_OFFER_F1 = 0.64;

  private static final double MIN_HELD_OUT3_NONE_F1 = 0.80;

  private static final double MIN_HELD_OUT3_CATEGORY_EXACT = 0.70;

  private static final double MAX_HELD_OUT3_FALSE_LISTINGS = 0.11;

  /**
   * The later held-out batches, each a blind set by a writer who never read the parser, measured
   * once before and once after a tuning round (docs/parser-quality.md), then joined to the
   * classifier's training data. Floors a little below (ceiling a little above) each set's blind
   * after-figures: a guard against going back, not a claim of quality.
   *
   * <ul>
   *   <li>heldout4, blind set 2, after the second round: need F1 0.83 / 0.86 / 0.77 (en / es / fa),
   *       offer F1 0.73 / 0.71 / 0.69, false listings 16.0% / 13.6% / 10.8%;
   *   <li>heldout5, blind set 3, with the gate (parser 96cc6e5): need F1 0.83 / 0.90 / 0.86, offer
   *       F1 0.94 / 0.85 / 0.84, false listings 3.2% / 4.3% / 4.1%;
   *   <li>heldout6, blind set 4, after the fourth round (parser4 ead5bf3): need F1 0.83 / 0.88 /
   *       0.80, offer F1 0.77 / 0.81 / 0.67, false listings 6.6% / 5.7% / 4.9%;
   *   <li>heldout7, blind set 5, after the fifth round (parser5 110e8f3): need F1 0.82 / 0.88 /
   *       0.82, offer F1 0.84 / 0.88 / 0.88, false listings 3.5% / 4.3% / 0.8%;
   *   <li>heldout8, blind set 6, after the sixth round (parser6 6b57653): need F1 0.84 / 0.91 /
   *       0.87, offer F1 0.81 / 0.87 / 0.88, false listings 2.8% / 2.2% / 1.4%.
   * </ul>
   */
  private static final List<Floors> LATER_HELD_OUT =
      List.of(
          new Floors("heldout4", 0.74, 0.65, 0.18),
          new Floors("heldout5", 0.80, 0.80, 0.07),
          new Floors("heldout6", 0.77, 0.64, 0.08),
          new Floors("heldout7", 0.78, 0.80, 0.06),
          new Floors("heldout8", 0.81, 0.79, 0.05));

  /** What one held-out batch must keep: the lowest need and offer F1, the most false listings. */
  record Floors(String batch, double needF1, double offerF1, double falseListings) {}

  /** The bot's default thresholds (config/application.properties), as it acts on a message. */
  static final double LISTING_MIN = ConfidenceBands.DEFAULT.listing();

  static final double ASK_MIN = ConfidenceBands.DEFAULT.ask();

  record Labelled(String kind, Set<Category> categories, String text) {}

  @ParameterizedTest(name = "corpus {0}")
  @ValueSource(strings = {"en", "es", "fa"})
  void parserReachesTheMinimumsOnTheCorpus(String language) throws IOException {
    List<Labelled> corpus = read(language);
    CorpusScore score = measure(language, corpus);

    assertThat(corpus).hasSizeGreaterThanOrEqualTo(150);
    assertThat(score.f1("need")).as("need F1 (%s)", language).isGreaterThanOrEqualTo(MIN_KIND_F1);
    assertThat(score.f1("offer")).as("offer F1 (%s)", language).isGreaterThanOrEqualTo(MIN_KIND_F1);
    assertThat(score.categoryExactAccuracy())
        .as("category exact-set accuracy (%s)", language)
        .isGreaterThanOrEqualTo(MIN_CATEGORY_EXACT);
    assertThat(score.categoryF1())
        .as("category label F1 (%s)", language)
        .isGreaterThanOrEqualTo(MIN_CATEGORY_F1);
  }

  /**
   * The held-out messages were never used to tune the lexicons (their misses were never fixed), so
   * they estimate how the parser does on messages nobody tuned it for. Their floors are lower: they
   * guard against regressions, they are not a promise of the main corpus's figures.
   */
  @ParameterizedTest(name = "held-out corpus 2 {0}")
  @ValueSource(strings = {"en", "es", "fa"})
  void parserGeneralisesToTheSecondHeldOutCorpus(String language) throws IOException {
    List<Labelled> corpus = read(language + "-heldout2");
    CorpusScore score = measure(language + "-heldout2", corpus);

    for (String kind : CorpusScore.KINDS) {
      assertThat(score.f1(kind))
          .as("%s F1 (%s)", kind, language)
          .isGreaterThanOrEqualTo(MIN_HELD_OUT2_KIND_F1);
    }
    assertThat(score.categoryExactAccuracy())
        .as("category exact-set accuracy (%s)", language)
        .isGreaterThanOrEqualTo(MIN_HELD_OUT2_CATEGORY_EXACT);
  }

  @ParameterizedTest(name = "held-out corpus 3 {0}")
  @ValueSource(strings = {"en", "es", "fa"})
  void parserGeneralisesToTheThirdHeldOutCorpus(String language) throws IOException {
    List<Labelled> corpus = read(language + "-heldout3");
    CorpusScore score = measure(language + "-heldout3", corpus);

    assertThat(corpus).hasSizeGreaterThanOrEqualTo(150);
    assertThat(score.f1("need"))
        .as("need F1 (%s)", language)
        .isGreaterThanOrEqualTo(MIN_HELD_OUT3_NEED_F1);
    assertThat(score.f1("offer"))
        .as("offer F1 (%s)", language)
        .isGreaterThanOrEqualTo(MIN_HELD_OUT3_OFFER_F1);
    assertThat(score.f1("none"))
        .as("none F1 (%s)", language)
        .isGreaterThanOrEqualTo(MIN_HELD_OUT3_NONE_F1);
    assertThat(score.categoryExactAccuracy())
        .as("category exact-set accuracy (%s)", language)
        .isGreaterThanOrEqualTo(MIN_HELD_OUT3_CATEGORY_EXACT);
    assertThat(score.falseListingRate())
        .as("false-listing rate (%s)", language)
        .isLessThanOrEqualTo(MAX_HELD_OUT3_FALSE_LISTINGS);
  }

  static Stream<Arguments> laterHeldOutBatches() {
    return LATER_HELD_OUT.stream()
        .flatMap(f -> Stream.of("en", "es", "fa").map(language -> Arguments.of(f, language)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("laterHeldOutBatches")
  void parserDoesNotGoBackOnTheLaterHeldOutBatches(Floors floors, String language)
      throws IOException {
    String file = language + "-" + floors.batch();
    List<Labelled> corpus = read(file);
    CorpusScore score = measure(file, corpus);

    assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
    assertThat(score.f1("need")).as("need F1 (%s)", file).isGreaterThanOrEqualTo(floors.needF1());
    assertThat(score.f1("offer"))
        .as("offer F1 (%s)", file)
        .isGreaterThanOrEqualTo(floors.offerF1());
    assertThat(score.falseListingRate())
        .as("false-listing rate (%s)", file)
        .isLessThanOrEqualTo(floors.falseListings());
  }

  private static CorpusScore measure(String name, List<Labelled> corpus) {
    LexiconParser parser = LexiconParser.withoutPlaces();
    CorpusScore score = new CorpusScore();
    List<String> misses = new ArrayList<>();
    for (Labelled labelled : corpus) {
      ParsedMessage parsed = parser.parse(labelled.text(), CONTEXT);
      score.add(labelled.kind(), labelled.categories(), parsed, LISTING_MIN, ASK_MIN);
      parsed = parsed.isListingAt(LISTING_MIN) ? parsed : ParsedMessage.none(parsed.language());
      boolean kindRight = labelled.kind().equals(CorpusScore.label(parsed.kind()));
      boolean categoriesRight =
          !parsed.isListing() || labelled.categories().equals(parsed.categories());
      if (!kindRight || !categoriesRight) {
        misses.add(
            String.format(
                "  expected %s %s, got %s %s: %s",
                labelled.kind(),
                labelled.categories(),
                CorpusScore.label(parsed.kind()),
                parsed.categories(),
                labelled.text()));
      }
    }
    System.out.print(score.table(name));
    System.out.println("misses (" + misses.size() + "):");
    misses.forEach(System.out::println);
    return score;
  }

  static List<Labelled> read(String language) throws IOException {
    String resource = "corpus/" + language + ".tsv";
    List<Labelled> corpus = new ArrayList<>();
    try (InputStream in = CorpusTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", 3);
        corpus.add(new Labelled(columns[0], categories(columns[1]), columns[2]));
      }
    }
    return corpus;
  }

  private static Set<Category> categories(String column) {
    Set<Category> categories = EnumSet.noneOf(Category.class);
    if (!column.equals("-")) {
      for (String id : column.split(",")) {
        categories.add(
            Category.fromId(id).orElseThrow(() -> new IllegalArgumentException("unknown " + id)));
      }
    }
    return categories;
  }
}
