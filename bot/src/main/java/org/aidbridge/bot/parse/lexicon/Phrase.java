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
 * @param weak whether the match names a category only when nothing stronger does: a word that is
 *     usually the setting ("at the shelter", "court date") rather than the thing asked for
 */
public record Phrase(
    String tag, List<String> words, List<Boolean> prefix, boolean itemless, boolean weak) {

  public static final String GAP = "~";

  /** A word written {@code #} matches any number. */
  public static final String NUMBER = "#";

  /** Persian puts the object between "کسی" and "لازم داره"; five words cover real messages. */
  public static final int MAX_GAP = 5;

  /** Where the phrase ends (exclusive) when it starts at {@code start}, or -1. */
  public int matchAt(List<Token> tokens, int start, boolean plurals) {
    return matchFrom(tokens, start, 0, plurals);
  }

  private int matchFrom(List<Token> tokens, int pos, int index, boolean plurals) {
    int p = pos;
    for (int w = index; w < words.size(); w++) {
      String word = words.get(w);
      if (GAP.equals(word)) {
        for (int skip = 0; skip <= MAX_GAP && p + skip <= tokens.size(); skip++) {
          int end = matchFrom(tokens, p + skip, w + 1, plurals);
          if (end >= 0) {
            return end;
          }
        }
        return -1;
      }
      if (p >= tokens.size() || !wordMatches(w, tokens.get(p), plurals)) {
        return -1;
      }
      p++;
    }
    return p;
  }

  private boolean wordMatches(int w, Token token, boolean plurals) {
    String word = words.get(w);
    String key = token.key();
    if (NUMBER.equals(word)) {
      return token.isNumber();
    }
    if (prefix.get(w)) {
      return key.startsWith(word);
    }
    return key.equals(word) || plurals && isPlural(key, word);
  }

  /** "banks" for "bank", "boxes" for "box": lexicons list the singular of a thing. */
  static boolean isPlural(String key, String word) {
    int extra = key.length() - word.length();
    return word.length() >= 3
        && (extra == 1 && key.endsWith("s") || extra == 2 && key.endsWith("es"))
        && key.startsWith(word);
  }
}
