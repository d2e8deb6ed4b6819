package org.aidbridge.bot.place;

import java.util.ArrayList;
import java.util.List;

/**
 * A word of a message with where it stands, how it was written and what separates it from the word
 * before, so that "Marion, Indiana" and "St. Louis" can be told apart from "Portland. Need...".
 *
 * @param key the normalised word (see {@link NameNormalizer})
 * @param start offset of the first char in the message
 * @param end offset after the last char
 * @param gapBefore the characters between the previous word and this one
 * @param capitalised starts with an upper-case letter
 * @param allCaps written entirely in capitals, such as "MI" or "IN"
 * @param arabicScript written in Arabic script (Persian, Arabic, Urdu)
 */
record Token(
    String key,
    int start,
    int end,
    String gapBefore,
    boolean capitalised,
    boolean allCaps,
    boolean arabicScript) {

  /** Only so much of a message is read for places; the place is said early in real messages. */
  static final int MAX_CHARS = 4_000;

  /** Splits a message into words. Never throws; text beyond {@link #MAX_CHARS} is ignored. */
  static List<Token> split(String text) {
    List<Token> tokens = new ArrayList<>();
    if (text == null) {
      return tokens;
    }
    int limit = Math.min(text.length(), MAX_CHARS);
    int gapStart = 0;
    int i = 0;
    while (i < limit) {
      int cp = text.codePointAt(i);
      if (!isWordChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < limit && isWordChar(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      String word = text.substring(start, i);
      String key = NameNormalizer.normalize(word);
      if (!key.isEmpty()) {
        // Bidi marks and joiners at the edges belong to neither the word nor the place text.
        int first = start;
        int end = i;
        while (Character.getType(text.charAt(first)) == Character.FORMAT) {
          first++;
        }
        while (Character.getType(text.charAt(end - 1)) == Character.FORMAT) {
          end--;
        }
        String raw = first == start && end == i ? word : text.substring(first, end);
        tokens.add(of(raw, key, first, end, text.substring(gapStart, first)));
        gapStart = end;
      }
    }
    return tokens;
  }

  private static Token of(String raw, String key, int start, int end, String gap) {
    int first = raw.codePointAt(0);
    boolean letters = false;
    boolean lowerCase = false;
    for (int i = 0; i < raw.length(); ) {
      int cp = raw.codePointAt(i);
      letters |= Character.isLetter(cp);
      lowerCase |= Character.isLowerCase(cp);
      i += Character.charCount(cp);
    }
    // No Arabic-script letter comes before U+0600, so most words skip the script's table.
    boolean arabic =
        first >= 0x0600 && Character.UnicodeScript.of(first) == Character.UnicodeScript.ARABIC;
    return new Token(
        key, start, end, gap, Character.isUpperCase(first), letters && !lowerCase, arabic);
  }

  /**
   * Letters, digits, marks, and format characters (ZWNJ, bidi marks) that may sit inside a word.
   */
  private static boolean isWordChar(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.FORMAT
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /**
   * True when this word continues a name begun by the previous one ("St. Louis", "Winston-Salem").
   */
  boolean joinsPrevious() {
    int dots = 0;
    for (int i = 0; i < gapBefore.length(); i++) {
      char c = gapBefore.charAt(i);
      if (c == '.') {
        dots++;
      } else if (c == '\n' || c == '\r' || !(isSpace(c) || c == '-' || c == '\'' || c == '’')) {
        return false;
      }
    }
    return dots <= 1;
  }

  /** True when nothing but spaces separates this word from the previous one. */
  boolean followsClosely() {
    for (int i = 0; i < gapBefore.length(); i++) {
      char c = gapBefore.charAt(i);
      if (c == '\n' || c == '\r' || !isSpace(c)) {
        return false;
      }
    }
    return true;
  }

  /** True when this word may follow its town as a hint, as in "Marion, Indiana" or "Flint MI". */
  boolean hintGap() {
    for (int i = 0; i < gapBefore.length(); i++) {
      char c = gapBefore.charAt(i);
      if (!(isSpace(c) || c == ',' || c == '،' || c == '(' || c == '-') || c == '\n') {
        return false;
      }
    }
    return true;
  }

  /** True when this word starts a sentence, where capitals say nothing about names. */
  boolean startsSentence() {
    if (start == gapBefore.length()) {
      return true;
    }
    for (int i = 0; i < gapBefore.length(); i++) {
      if (".!?¡¿:;\n؟…\"“«".indexOf(gapBefore.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || Character.getType(c) == Character.FORMAT;
  }
}
