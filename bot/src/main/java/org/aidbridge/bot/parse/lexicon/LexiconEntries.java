package org.aidbridge.bot.parse.lexicon;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads the values of a lexicon file: comma-separated entries, each normalized exactly as message
 * text is, so that a lexicon author writes words as people type them.
 */
final class LexiconEntries {

  private final Properties properties;

  LexiconEntries(Properties properties) {
    this.properties = properties;
  }

  String value(String key, String fallback) {
    String value = properties.getProperty(key);
    return value == null ? fallback : value.trim();
  }

  List<String> raw(String key) {
    List<String> entries = new ArrayList<>();
    for (String part : value(key, "").split(",")) {
      if (!part.isBlank()) {
        entries.add(part.trim());
      }
    }
    return entries;
  }

  /**
   * Single words (their matching keys). An entry that normalizes to several words ("par de") is
   * left out: taken apart, its words would mean what the entry means on their own ("de" as 2).
   */
  Set<String> words(String key) {
    Set<String> words = new HashSet<>();
    for (String entry : raw(key)) {
      List<String> keys = keysOf(entry);
      if (keys.size() == 1) {
        words.add(keys.get(0));
      }
    }
    return words;
  }

  /** Every key of a property family such as {@code unit.bag}, mapped to the name after the dot. */
  Map<String, String> family(String prefix) {
    Map<String, String> map = new HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith(prefix + ".")) {
        String canonical = name.substring(prefix.length() + 1);
        for (String word : words(name)) {
          map.put(word, canonical);
        }
      }
    }
    return map;
  }

  /** Words with a numeric value, from a family such as {@code number.2=two,dos}. */
  Map<String, BigDecimal> numbers(String prefix) {
    Map<String, BigDecimal> numbers = new HashMap<>();
    family(prefix).forEach((word, value) -> numbers.put(word, new BigDecimal(value)));
    return numbers;
  }

  /**
   * Phrases of a key, tagged. In category lists a leading "-" marks a word that names no item
   * ("hungry") and a leading "?" a word that counts only when no other category word does.
   */
  List<Phrase> phrases(String key, String tag) {
    List<Phrase> phrases = new ArrayList<>();
    for (String entry : raw(key)) {
      boolean itemless = false;
      boolean weak = false;
      String text = entry;
      while (text.startsWith("-") || text.startsWith("?")) {
        itemless |= text.startsWith("-");
        weak |= text.startsWith("?");
        text = text.substring(1);
      }
      Phrase phrase = compile(text, tag, itemless, weak);
      if (phrase != null) {
        phrases.add(phrase);
      }
    }
    return phrases;
  }

  static Phrase compile(String entry, String tag, boolean itemless, boolean weak) {
    List<String> words = new ArrayList<>();
    List<Boolean> prefix = new ArrayList<>();
    for (String part : entry.trim().split("\\s+")) {
      if (Phrase.GAP.equals(part) || Phrase.NUMBER.equals(part)) {
        words.add(part);
        prefix.add(false);
        continue;
      }
      boolean isPrefix = part.endsWith("*");
      List<String> keys = keysOf(isPrefix ? part.substring(0, part.length() - 1) : part);
      for (int i = 0; i < keys.size(); i++) {
        words.add(keys.get(i));
        prefix.add(isPrefix && i == keys.size() - 1);
      }
    }
    boolean usable = !words.isEmpty() && !Phrase.GAP.equals(words.get(0));
    return usable ? new Phrase(tag, List.copyOf(words), List.copyOf(prefix), itemless, weak) : null;
  }

  static List<String> keysOf(String text) {
    List<String> keys = new ArrayList<>();
    for (Token token : Tokenizer.tokenize(TextNormalizer.normalize(text)).tokens()) {
      keys.add(token.key());
    }
    return keys;
  }
}
