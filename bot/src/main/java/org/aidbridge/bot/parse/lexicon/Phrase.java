package org.aidbridge.bot.parse.lexicon;

import java.util.List;

/**
 * A lexicon entry compiled for matching ({@link PhraseMatcher}): words to find in a row, where a
 * word written {@code dona*} matches any word it begins, {@code #} any number, and {@code ~} lets
 * up to {@value #MAX_GAP} other words sit between.
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

  /**
   * Where plurals are matched, "banks" is taken for "bank" and "boxes" for "box", but only for a
   * word of at least this many letters ("as" is not "a").
   */
  public static final int MIN_PLURAL_STEM = 3;
}
