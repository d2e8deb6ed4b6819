package org.aidbridge.bot.parse.lexicon;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Everything the parser knows about one language, read from {@code lexicon/<code>.properties}: the
 * phrases that make a message a need or an offer or neither, urgency and expiry words, units,
 * numbers and the synonyms of each category. Code never names a language; files do.
 */
public final class Lexicon {

  /** The tags of the phrases that decide a message's kind. */
  public static final List<String> CUE_TAGS =
      List.of(
          "need",
          "need.weak",
          "offer",
          "offer.weak",
          "offer.question",
          "negation",
          "neutral",
          "chatter",
          "report.need",
          "report.offer",
          "figurative",
          "appeal",
          "inquiry",
          "logistics",
          "commerce");

  public static final String CATEGORY_TAG = "category:";

  private final String code;
  private final String script;
  private final String signature;
  private final Set<String> common;
  private final PhraseMatcher cues;
  private final Set<String> explicitNeed;
  private final Set<String> explicitOffer;
  private final ExpiryWords expiry;
  private final List<String[]> singularRules;
  private final String moneyItem;
  private final PhraseMatcher categories;
  private final List<Phrase> urgencyPhrases;
  private final Map<String, String> units;
  private final Map<String, String> currencies;
  private final Map<String, BigDecimal> numbers;
  private final Map<String, BigDecimal> multipliers;
  private final Set<String> sizeWords;
  private final Set<String> clauseOpeners;
  private final Set<String> spanUnits;
  private final Set<String> linkWords;
  private final Set<String> stopwords;
  private final Set<String> beneficiary;
  private final Set<String> replyWords;

  Lexicon(Properties properties) {
    LexiconEntries e = new LexiconEntries(properties);
    code = e.value("language", "und");
    script = e.value("script", "latin");
    signature = e.value("signature", "");
    List<Phrase> cuePhrases = new ArrayList<>();
    for (String tag : CUE_TAGS) {
      cuePhrases.addAll(e.phrases(tag, tag));
    }
    cues = new PhraseMatcher(cuePhrases);
    explicitNeed = e.words("explicit.need");
    explicitOffer = e.words("explicit.offer");
    expiry = ExpiryWords.from(e);
    singularRules = new ArrayList<>();
    for (String rule : e.raw("singular")) {
      String[] parts = rule.split(">", -1);
      if (parts.length == 2) {
        singularRules.add(parts);
      }
    }
    moneyItem = e.value("money.item", "money");
    List<Phrase> categoryPhrases = new ArrayList<>();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith("category.")) {
        String id = name.substring("category.".length());
        categoryPhrases.addAll(e.phrases(name, CATEGORY_TAG + id));
      }
    }
    categories = new PhraseMatcher(categoryPhrases, true);
    urgencyPhrases = new ArrayList<>(e.phrases("urgency.high", "urgency.high"));
    urgencyPhrases.addAll(e.phrases("urgency.low", "urgency.low"));
    common = e.words("common");
    common.addAll(e.words("need"));
    common.addAll(e.words("offer"));
    units = e.family("unit");
    currencies = e.family("currency");
    numbers = e.numbers("number");
    multipliers = e.numbers("multiplier");
    sizeWords = e.words("size");
    clauseOpeners = e.words("clause.open");
    spanUnits = e.words("span.units");
    linkWords = e.words("link");
    stopwords = e.words("stopwords");
    beneficiary = e.words("beneficiary");
    replyWords = e.words("reply");
  }

  public String code() {
    return code;
  }

  public boolean arabicScript() {
    return "arabic".equals(script);
  }

  /** Letters (raw, before normalization) that mark this language among those of its script. */
  public String signature() {
    return signature;
  }

  /** Words typical of the language, for telling languages of one script apart. */
  public Set<String> common() {
    return common;
  }

  public PhraseMatcher cues() {
    return cues;
  }

  public Set<String> explicitNeed() {
    return explicitNeed;
  }

  public Set<String> explicitOffer() {
    return explicitOffer;
  }

  public ExpiryWords expiry() {
    return expiry;
  }

  public String moneyItem() {
    return moneyItem;
  }

  /** The category synonyms, matching plurals of the words listed too. */
  public PhraseMatcher categories() {
    return categories;
  }

  List<Phrase> urgencyPhrases() {
    return urgencyPhrases;
  }

  Map<String, String> units() {
    return units;
  }

  Map<String, String> currencies() {
    return currencies;
  }

  Map<String, BigDecimal> numbers() {
    return numbers;
  }

  Map<String, BigDecimal> multipliers() {
    return multipliers;
  }

  Set<String> clauseOpeners() {
    return clauseOpeners;
  }

  Set<String> spanUnits() {
    return spanUnits;
  }

  Set<String> sizeWords() {
    return sizeWords;
  }

  Set<String> linkWords() {
    return linkWords;
  }

  Set<String> stopwords() {
    return stopwords;
  }

  /** The words that name whom a thing is for: "for", "para", "برای". */
  public Set<String> beneficiary() {
    return beneficiary;
  }

  /** The words that open a reply to another message: "replying", "respondiendo", "ریپلای". */
  public Set<String> replyWords() {
    return replyWords;
  }

  /** The simple singular of an item name: "bags" to "bag", "cajas" to "caja". */
  public String singular(String word) {
    if (word.length() <= 3 || word.indexOf(' ') >= 0) {
      return word;
    }
    for (String[] rule : singularRules) {
      if (word.endsWith(rule[0]) && !word.endsWith("ss") && word.length() > rule[0].length() + 2) {
        return word.substring(0, word.length() - rule[0].length()) + rule[1];
      }
    }
    return word;
  }

  /** Day names as ISO days, for "until Friday". */
  static Map<String, DayOfWeek> weekdays(LexiconEntries e) {
    Map<String, DayOfWeek> days = new HashMap<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      for (String name : e.raw("weekday." + day.getValue())) {
        // "سه‌شنبه" may arrive as two words; the day is known by its words joined.
        days.put(String.join("", LexiconEntries.keysOf(name)), day);
      }
    }
    return days;
  }
}
