package org.aidbridge.bot.parse.lexicon;

import java.time.DayOfWeek;
import java.util.Map;
import java.util.Set;

/**
 * The words of one language that state how long a listing holds: "until" / "by" a day, "for" a
 * number of days or weeks, today, tomorrow, weekday names, and little words that may sit between
 * ("hasta el lunes", "until next Friday").
 */
public record ExpiryWords(
    Set<String> until,
    Set<String> forWords,
    Set<String> skip,
    Set<String> today,
    Set<String> tomorrow,
    Set<String> dayUnits,
    Set<String> weekUnits,
    Map<String, DayOfWeek> weekdays) {

  static ExpiryWords from(LexiconEntries e) {
    return new ExpiryWords(
        e.words("expiry.until"),
        e.words("expiry.for"),
        e.words("expiry.skip"),
        e.words("expiry.today"),
        e.words("expiry.tomorrow"),
        e.words("expiry.days"),
        e.words("expiry.weeks"),
        Lexicon.weekdays(e));
  }
}
