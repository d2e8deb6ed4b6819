package org.aidbridge.bot.model;

/**
 * What any channel may bring in, made safe to keep and to echo: control characters other than
 * newline and tab removed (a carriage return becomes a newline), broken UTF-16 replaced, and the
 * length capped, never inside a surrogate pair. Binary junk or a 100 KB paste costs no more than a
 * page of text.
 */
public final class InboundText {
  /** More than anyone writes by hand: the rest of a huge message (a pasted log) is cut. */
  public static final int MAX_TEXT_CHARS = 10_000;

  /** A subject or other one-line header kept or echoed ("Re: ..."). */
  public static final int MAX_SUBJECT_CHARS = 200;

  private InboundText() {}

  /** The text cleaned and cut to at most {@code max} characters; null stays null. */
  public static String clean(String text, int max) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), max));
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        boolean crlf = i + 1 < text.length() && text.charAt(i + 1) == '\n';
        if (!crlf) {
          out.append('\n');
        }
      } else if (Character.isHighSurrogate(c)) {
        boolean paired = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        if (!paired) {
          out.append('\uFFFD');
        } else if (out.length() + 2 <= max) {
          out.append(c).append(text.charAt(++i));
        } else {
          break;
        }
      } else if (Character.isLowSurrogate(c)) {
        out.append('\uFFFD');
      } else if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Whether {@code cleaned}, made of {@code raw} by {@link #clean}, lost its end to the cap (not
   * merely control characters): then the person wrote more than the bot reads.
   */
  public static boolean wasCut(String raw, String cleaned, int max) {
    return raw.length() > max && cleaned.length() >= max - 1;
  }

  /** One line: newlines and tabs become spaces, then cleaned and capped. */
  public static String oneLine(String text, int max) {
    if (text == null) {
      return null;
    }
    // Cut first: a 1 MB subject is not worth a pass over all of it.
    String head = text.length() > 2 * max ? text.substring(0, 2 * max) : text;
    return clean(head.replaceAll("[\\r\\n\\t]+", " "), max);
  }
}
