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
  private int longestPrefix;

  public PhraseMatcher(List<Phrase> phrases) {
    for (Phrase phrase : phrases) {
      String first = phrase.words().get(0);
      if (phrase.prefix().get(0)) {
        byFirstPrefix.computeIfAbsent(first, k -> new ArrayList<>()).add(phrase);
        longestPrefix = Math.max(longestPrefix, first.length());
      } else {
        byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(phrase);
      }
    }
  }

  /** Every match of every phrase, in order of start. */
  public List<Hit> findAll(List<Token> tokens) {
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String key = tokens.get(i).key();
      addMatches(byFirstWord.get(key), tokens, i, hits);
      int maxLength = Math.min(longestPrefix, key.length());
      for (int len = 1; len <= maxLength; len++) {
        addMatches(byFirstPrefix.get(key.substring(0, len)), tokens, i, hits);
      }
    }
    return hits;
  }

  private static void addMatches(
      List<Phrase> candidates, List<Token> tokens, int i, List<Hit> out) {
    if (candidates == null) {
      return;
    }
    for (Phrase phrase : candidates) {
      int end = phrase.matchAt(tokens, i);
      if (end > i) {
        out.add(new Hit(phrase, i, end));
      }
    }
  }
}
