package org.aidbridge.bot.parse.lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds all lexicon phrases in a token list. Phrases are indexed by their first word (exact words
 * in one map, prefixes in another), so the cost per token is a few hash lookups whatever the
 * lexicon's size.
 */
public final class PhraseMatcher {

  private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();
  private final Map<String, List<Phrase>> byFirstPrefix = new HashMap<>();
  private final boolean plurals;
  private final int[] prefixLengths;

  /** A matcher of exact words. */
  public PhraseMatcher(List<Phrase> phrases) {
    this(phrases, false);
  }

  /**
   * A matcher that, if {@code plurals}, also takes a word with a plural ending for the word a
   * phrase lists (for names of things, not for cue phrases).
   */
  public PhraseMatcher(List<Phrase> phrases, boolean plurals) {
    this.plurals = plurals;
    for (Phrase phrase : phrases) {
      String first = phrase.words().get(0);
      if (phrase.prefix().get(0)) {
        byFirstPrefix.computeIfAbsent(first, k -> new ArrayList<>()).add(phrase);
      } else {
        byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(phrase);
      }
    }
    // Only the lengths some prefix has are tried, so a token costs a few lookups, not one per
    // character.
    prefixLengths =
        byFirstPrefix.keySet().stream().mapToInt(String::length).distinct().sorted().toArray();
  }

  /** Every match of every phrase, in order of start. */
  public List<Hit> findAll(List<Token> tokens) {
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      String key = token.key();
      if (token.isNumber()) {
        addMatches(byFirstWord.get(Phrase.NUMBER), tokens, i, hits);
      }
      addMatches(byFirstWord.get(key), tokens, i, hits);
      if (plurals && key.endsWith("s")) {
        addMatches(byFirstWord.get(key.substring(0, key.length() - 1)), tokens, i, hits);
        if (key.endsWith("es")) {
          addMatches(byFirstWord.get(key.substring(0, key.length() - 2)), tokens, i, hits);
        }
      }
      for (int length : prefixLengths) {
        if (length > key.length()) {
          break;
        }
        addMatches(byFirstPrefix.get(key.substring(0, length)), tokens, i, hits);
      }
    }
    return hits;
  }

  private void addMatches(List<Phrase> candidates, List<Token> tokens, int i, List<Hit> out) {
    if (candidates == null) {
      return;
    }
    for (Phrase phrase : candidates) {
      int end = phrase.matchAt(tokens, i, plurals);
      if (end > i) {
        out.add(new Hit(phrase, i, end));
      }
    }
  }
}
