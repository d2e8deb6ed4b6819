package org.aidbridge.routes.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text over Telegram's 4096-character limit into parts that each fit, cutting at a
 * paragraph break if there is one, else at a line break, else at a space, else anywhere (never
 * inside a surrogate pair).
 */
public final class TextSplitter {
  public static final int TELEGRAM_LIMIT = 4096;

  private TextSplitter() {}

  public static List<String> split(String text, int limit) {
    List<String> parts = new ArrayList<>();
    String rest = text;
    while (rest.length() > limit) {
      int cut = cutPoint(rest, limit);
      String part = rest.substring(0, cut).stripTrailing();
      if (!part.isEmpty()) {
        parts.add(part);
      }
      rest = rest.substring(cut).stripLeading();
    }
    if (!rest.isEmpty() || parts.isEmpty()) {
      parts.add(rest);
    }
    return parts;
  }

  private static int cutPoint(String text, int limit) {
    String window = text.substring(0, limit + 1);
    for (String boundary : new String[] {"\n\n", "\n", " "}) {
      int at = window.lastIndexOf(boundary);
      if (at > limit / 4) {
        return at + boundary.length();
      }
    }
    return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
  }
}
