package org.aidbridge.bot.parse.lexicon;

/** Where a phrase was found: tokens {@code start} (inclusive) to {@code end} (exclusive). */
public record Hit(Phrase phrase, int start, int end) {

  public String tag() {
    return phrase.tag();
  }

  public int length() {
    return end - start;
  }

  public boolean overlaps(Hit other) {
    return start < other.end && other.start < end;
  }
}
