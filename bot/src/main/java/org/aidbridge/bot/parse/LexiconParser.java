package org.aidbridge.bot.parse;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Urgency;
import org.aidbridge.bot.parse.lexicon.ExpiryWords;
import org.aidbridge.bot.parse.lexicon.Lexicon;
import org.aidbridge.bot.parse.lexicon.Lexicons;
import org.aidbridge.bot.parse.lexicon.TextNormalizer;
import org.aidbridge.bot.parse.lexicon.Token;
import org.aidbridge.bot.parse.lexicon.Tokenizer;
import org.aidbridge.bot.place.PlaceFinder;

/**
 * The parser driven by the lexicon files under {@code lexicon/} (one per language, listed in {@code
 * lexicon/index.properties}): adding a language is adding a file. It normalizes the text (Persian
 * letters and digits, accents, direction marks), detects the language, then reads kind, categories,
 * items, urgency and expiry, and asks the {@link PlaceFinder} where. It never throws: a message it
 * cannot read is not a listing.
 */
public final class LexiconParser implements ListingParser {

  private static final int MAX_CHARS = 20_000;

  private final PlaceFinder places;
  private final Lexicons lexicons;
  private final LanguageDetector detector;
  private final KindClassifier classifier;
  private final ItemReader itemReader;
  private final UrgencyReader urgencyReader;
  private final ExpiryReader expiryReader;
  private final CompletableFuture<KindGate> gate;

  /**
   * The parser with the statistical gate trained on the shipped corpus ({@link KindGate}). It
   * returns at once: the gate is trained on a thread of its own, and only a message parsed before
   * that is done waits for it.
   */
  public LexiconParser(PlaceFinder places) {
    this(KindGate.training(), places);
  }

  /**
   * Starts training the shared gate, and reading the lexicons (and loading the parser's classes),
   * in the background, so that a parser made later finds them ready: about a third of a second less
   * on the thread that starts the bot. {@code run} calls it first thing, before it opens the store
   * and reads the gazetteer.
   */
  public static void prepareInBackground() {
    KindGate.training();
    Thread lexicons = new Thread(() -> new LexiconParser(PlaceFinder.NONE, null), "lexicon-load");
    lexicons.setDaemon(true);
    lexicons.start();
  }

  /**
   * @param gate weighs the rule reading with a classifier learned from labelled messages, or null
   *     for the rules alone
   */
  LexiconParser(PlaceFinder places, KindGate gate) {
    this(gate == null ? null : CompletableFuture.completedFuture(gate), places);
  }

  /** A parser whose gate is {@code gate} once that is done (each parse until then waits). */
  static LexiconParser waitingFor(CompletableFuture<KindGate> gate, PlaceFinder places) {
    return new LexiconParser(gate, places);
  }

  /**
   * @param gate the gate once it is trained (the parse waits for it), or null for the rules alone
   */
  private LexiconParser(CompletableFuture<KindGate> gate, PlaceFinder places) {
    this.gate = gate;
    this.places = places == null ? PlaceFinder.NONE : places;
    this.lexicons = Lexicons.shared();
    this.detector = new LanguageDetector(lexicons);
    this.classifier = new KindClassifier(lexicons);
    this.itemReader = new ItemReader(lexicons);
    this.urgencyReader = new UrgencyReader(lexicons);
    this.expiryReader = new ExpiryReader(lexicons);
  }

  /** A parser that resolves no places (for tests and tools that need none). */
  public static LexiconParser withoutPlaces() {
    return new LexiconParser(PlaceFinder.NONE);
  }

  @Override
  public ParsedMessage parse(String text, ParseContext context) {
    return readAhead(text, context).at(context == null ? null : context.now());
  }

  @Override
  public Reading readAhead(String text, ParseContext context) {
    String hint = context == null ? null : context.languageHint();
    String fallback = fallbackLanguage(hint);
    if (text == null || text.isBlank()) {
      return now -> ParsedMessage.none(fallback);
    }
    // Outside the try: a gate that failed to train is a broken build, not a message to skip.
    KindGate trained = gate == null ? null : gate.join();
    try {
      return readText(
          text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text,
          context,
          trained,
          fallback);
    } catch (RuntimeException e) {
      // A parser bug must not cost a message: it is stored, and read as not a listing.
      return now -> ParsedMessage.none(fallback);
    }
  }

  /** What the rules read of a message's kind, and the words they read it from. */
  record RuleReading(KindClassifier.Reading reading, Tokenizer.Result tokenized) {}

  /** The kind as the rules alone read it (for training and measuring the gate). */
  RuleReading readRules(String text, ParseContext context) {
    Tokenizer.Result tokenized =
        Tokenizer.tokenize(TextNormalizer.normalize(text), lexicons.clauseOpeners());
    String hint = context == null ? null : context.languageHint();
    Lexicon lexicon = detector.detect(text, tokenized.tokens(), hint);
    ItemReader.Found found = itemReader.read(tokenized.tokens(), lexicon);
    UrgencyReader.Reading urgency = urgencyReader.read(tokenized.tokens());
    return new RuleReading(read(text, tokenized, lexicon, found, urgency), tokenized);
  }

  private Reading readText(String text, ParseContext context, KindGate gate, String fallback) {
    Tokenizer.Result tokenized =
        Tokenizer.tokenize(TextNormalizer.normalize(text), lexicons.clauseOpeners());
    var tokens = tokenized.tokens();
    String hint = context == null ? null : context.languageHint();
    Lexicon lexicon = detector.detect(text, tokens, hint);
    ItemReader.Found found = itemReader.read(tokens, lexicon);
    UrgencyReader.Reading urgency = urgencyReader.read(tokens);
    KindClassifier.Reading reading = read(text, tokenized, lexicon, found, urgency);
    if (gate != null) {
      reading = gate.weigh(reading, tokenized);
    }
    Kind kind = reading.kind();
    if (kind == null) {
      ParsedMessage none = ParsedMessage.none(lexicon.code());
      return now -> none;
    }
    Set<Category> categories = EnumSet.noneOf(Category.class);
    categories.addAll(found.categories());
    if (categories.isEmpty()) {
      categories.add(Category.OTHER);
    }
    String home = context == null ? null : context.homeCountry();
    ParsedMessage timeless =
        new ParsedMessage(
            kind,
            categories,
            found.items(),
            findPlace(text, lexicon.code(), home),
            urgency.urgency(),
            null,
            lexicon.code(),
            reading.confidence());
    return new Timeless(timeless, expiryReader, tokens, lexicon.expiry(), fallback);
  }

  /**
   * A listing read but for its expiry, which depends on the moment ("until Friday"); {@code
   * fallback} is the language of the reading given if that fails, as if the whole parse had.
   */
  private record Timeless(
      ParsedMessage reading,
      ExpiryReader expiry,
      List<Token> tokens,
      ExpiryWords words,
      String fallback)
      implements Reading {

    @Override
    public ParsedMessage at(Instant now) {
      Instant expiresAt;
      try {
        expiresAt = expiry.read(tokens, words, now);
      } catch (RuntimeException e) {
        return ParsedMessage.none(fallback); // a parser bug must not cost a message
      }
      return new ParsedMessage(
          reading.kind(),
          reading.categories(),
          reading.items(),
          reading.place(),
          reading.urgency(),
          expiresAt,
          reading.language(),
          reading.confidence());
    }
  }

  private KindClassifier.Reading read(
      String text,
      Tokenizer.Result tokenized,
      Lexicon lexicon,
      ItemReader.Found found,
      UrgencyReader.Reading urgency) {
    var evidence =
        new KindClassifier.Evidence(
            tokenized.hasUrl(),
            !found.categories().isEmpty(),
            found.strongCategory(),
            found.hasQuantity(),
            urgency.urgency() == Urgency.HIGH,
            found,
            urgency.opensUrgent());
    return classifier.read(text, tokenized, lexicon, evidence);
  }

  private Place findPlace(String text, String language, String homeCountry) {
    try {
      return places.findIn(text, language, homeCountry).orElse(null);
    } catch (RuntimeException e) {
      // The place is a refinement; a listing without one still matches, ranked lower.
      return null;
    }
  }

  private String fallbackLanguage(String hint) {
    Lexicon hinted = hint == null ? null : lexicons.byCode(hint);
    return hinted != null ? hinted.code() : lexicons.all().get(0).code();
  }
}
