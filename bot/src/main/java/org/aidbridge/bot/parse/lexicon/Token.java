package org.aidbridge.bot.parse.lexicon;

/**
 * One word, number or meaningful sign of a message.
 *
 * @param key the form lexicons are matched against (lower case, accents folded)
 * @param surface the word as written, lower case, for naming items
 */
public record Token(String key, String surface) {

  public boolean isNumber() {
    return !key.isEmpty() && Character.isDigit(key.charAt(0));
  }
}
