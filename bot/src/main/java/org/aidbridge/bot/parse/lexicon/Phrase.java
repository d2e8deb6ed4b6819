package org.aidbridge.bot.parse.lexicon;

import java.util.List;

/**
 * A lexicon entry compiled for matching: words to find in a row, where a word written {@code dona*}
 * matches any word it begins, and {@code ~} lets up to {@value #MAX_GAP} other words sit between.
 *
 * @param tag what a match means, e.g. {@code need} or {@code category:food}
 * @param words the compiled words
 * @param prefix for each word, whether it matches as a prefix
 * @param itemless whether the match names a category but not an item ("hungry")
 */
public record Phrase(String tag, List<String> words, List<Boolean> prefix, boolean itemless) {

  public static final String GAP = "~";
  public static final int MAX_GAP = 3;

  /** Where the phrase ends (exclusive) when it starts at {@code start}, or -1. */
  public int matchAt(List<Token> tokens, int start) {
    return matchFrom(tokens, start, 0);
  }

  private int matchFrom(List<Token> tokens, int pos, int index) {
    int p = pos;
    for (int w = index; w < words.size(); w++) {
      String word = words.get(w);
      if (GAP.equals(word)) {
        for (int skip = 0; skip <= MAX_GAP && p + skip <= tokens.size(); skip++) {
          int end = matchFrom(tokens, p + skip, w + 1);
          if (end >= 0) {
            return end;
          }
        }
        return -1;
      }
      if (p >= tokens.size() || !wordMatches(w, tokens.get(p).key())) {
        return -1;
      }
      p++;
    }
    return p;
  }

  private boolean wordMatches(int w, String key) {
    return prefix.get(w) ? key.startsWith(words.get(w)) : key.equals(words.get(w));
  }
}
