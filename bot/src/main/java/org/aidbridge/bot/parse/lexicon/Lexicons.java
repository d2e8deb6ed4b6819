package org.aidbridge.bot.parse.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * All lexicons listed in {@code lexicon/index.properties}, loaded once. Units, numbers and urgency
 * words of every language are merged, because people mix languages ("necesito diapers", "insulin
 * فوری"); the words that decide need or offer stay per language, and category words of another
 * language than the message's count only as weak evidence (Spanish "van" is not a vehicle).
 */
public final class Lexicons {

  private static final String INDEX = "lexicon/index.properties";

  private final List<Lexicon> all;
  private final PhraseMatcher urgency;
  private final Map<String, String> units = new HashMap<>();
  private final Map<String, String> currencies = new HashMap<>();
  private final Map<String, BigDecimal> numbers = new HashMap<>();
  private final Map<String, BigDecimal> multipliers = new HashMap<>();
  private final Set<String> sizeWords = new HashSet<>();
  private final Set<String> clauseOpeners = new HashSet<>();
  private final Set<String> spanUnits = new HashSet<>();
  private final Set<String> linkWords = new HashSet<>();
  private final Set<String> stopwords = new HashSet<>();

  private Lexicons(List<Lexicon> all) {
    this.all = List.copyOf(all);
    List<Phrase> urgencyPhrases = new ArrayList<>();
    for (Lexicon lexicon : all) {
      urgencyPhrases.addAll(lexicon.urgencyPhrases());
      units.putAll(lexicon.units());
      currencies.putAll(lexicon.currencies());
      numbers.putAll(lexicon.numbers());
      multipliers.putAll(lexicon.multipliers());
      sizeWords.addAll(lexicon.sizeWords());
      clauseOpeners.addAll(lexicon.clauseOpeners());
      spanUnits.addAll(lexicon.spanUnits());
      linkWords.addAll(lexicon.linkWords());
      stopwords.addAll(lexicon.stopwords());
    }
    urgency = new PhraseMatcher(urgencyPhrases);
  }

  private static final class Holder {
    static final Lexicons INSTANCE = load();
  }

  /** The lexicons shipped on the class path, read on first use. */
  public static Lexicons shared() {
    return Holder.INSTANCE;
  }

  private static Lexicons load() {
    Properties index = read(INDEX);
    List<Lexicon> lexicons = new ArrayList<>();
    for (String code : index.getProperty("languages", "").split(",")) {
      if (!code.isBlank()) {
        lexicons.add(new Lexicon(read("lexicon/" + code.trim() + ".properties")));
      }
    }
    if (lexicons.isEmpty()) {
      throw new IllegalStateException(INDEX + " lists no language");
    }
    return new Lexicons(lexicons);
  }

  private static Properties read(String resource) {
    try (InputStream in = Lexicons.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      Properties properties = new Properties();
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** In index order; the first is the default language. */
  public List<Lexicon> all() {
    return all;
  }

  public Lexicon byCode(String code) {
    for (Lexicon lexicon : all) {
      if (lexicon.code().equalsIgnoreCase(code)) {
        return lexicon;
      }
    }
    return null;
  }

  public PhraseMatcher urgency() {
    return urgency;
  }

  public String unit(String key) {
    return units.get(key);
  }

  public String currency(String key) {
    return currencies.get(key);
  }

  /** Whether a unit is money ("usd", "toman"). */
  public boolean isCurrencyUnit(String unit) {
    return unit != null && currencies.containsValue(unit);
  }

  public BigDecimal number(String key) {
    return numbers.get(key);
  }

  /** The value of a word such as "thousand", "mil", "میلیون", or null. */
  public BigDecimal multiplier(String key) {
    return multipliers.get(key);
  }

  /** Words that open a clause without a comma ("but", "pero", "ولی"), of every language. */
  public Set<String> clauseOpeners() {
    return clauseOpeners;
  }

  /** Whether a unit counts time ("hour"), not a thing: "12 hours" is no thing anyone gives. */
  public boolean isSpanUnit(String unit) {
    return unit != null && spanUnits.contains(unit);
  }

  public boolean isSizeWord(String key) {
    return sizeWords.contains(key);
  }

  public boolean isLinkWord(String key) {
    return linkWords.contains(key);
  }

  public boolean isStopword(String key) {
    return stopwords.contains(key);
  }
}
