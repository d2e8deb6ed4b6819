package org.aidbridge.bot.parse;

import java.time.Instant;

/**
 * What is known about a message besides its text.
 *
 * @param languageHint the language the channel reports for the person, or null
 * @param now the moment to resolve "today", "until Friday" against
 * @param homeCountry ISO alpha-2 country to prefer when a place name is ambiguous, or null
 */
public record ParseContext(String languageHint, Instant now, String homeCountry) {

  public static ParseContext at(Instant now) {
    return new ParseContext(null, now, null);
  }

  /** The same context at another moment. */
  public ParseContext withNow(Instant moment) {
    return new ParseContext(languageHint, moment, homeCountry);
  }

  public ParseContext withLanguageHint(String language) {
    return new ParseContext(language, now, homeCountry);
  }
}
