package org.aidbridge.bot.parse;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.aidbridge.bot.parse.lexicon.ExpiryWords;
import org.aidbridge.bot.parse.lexicon.Lexicons;
import org.aidbridge.bot.parse.lexicon.Token;

/**
 * Reads a stated end: "until Friday", "by tomorrow", "for 3 days", "hasta el lunes", "por 2
 * semanas", "تا جمعه", "برای ۳ روز". Days are counted in UTC from the message's time, and a listing
 * holds to the end of its last day.
 */
final class ExpiryReader {

  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
  private static final int MAX_DAYS = 366;

  private final Lexicons lexicons;

  ExpiryReader(Lexicons lexicons) {
    this.lexicons = lexicons;
  }

  Instant read(List<Token> tokens, ExpiryWords words, Instant now) {
    if (now == null) {
      return null;
    }
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    for (int i = 0; i < tokens.size(); i++) {
      String key = tokens.get(i).key();
      LocalDate last = null;
      if (words.until().contains(key)) {
        last = untilDay(tokens, skip(tokens, i + 1, words), words, today);
      }
      if (last == null && words.forWords().contains(key)) {
        last = afterPeriod(tokens, skip(tokens, i + 1, words), words, today);
      }
      if (last != null) {
        return last.atTime(END_OF_DAY).toInstant(ZoneOffset.UTC);
      }
    }
    return null;
  }

  private static int skip(List<Token> tokens, int from, ExpiryWords words) {
    int j = from;
    while (j < tokens.size() && j < from + 2 && words.skip().contains(tokens.get(j).key())) {
      j++;
    }
    return j;
  }

  private static LocalDate untilDay(List<Token> tokens, int j, ExpiryWords words, LocalDate today) {
    if (j >= tokens.size()) {
      return null;
    }
    String key = tokens.get(j).key();
    if (words.today().contains(key)) {
      return today;
    }
    if (words.tomorrow().contains(key)) {
      return today.plusDays(1);
    }
    DayOfWeek day =
        j + 1 < tokens.size() ? words.weekdays().get(key + tokens.get(j + 1).key()) : null;
    if (day == null) {
      day = words.weekdays().get(key);
    }
    if (day != null) {
      int ahead = (day.getValue() - today.getDayOfWeek().getValue() + 7) % 7;
      return today.plusDays(ahead);
    }
    return null;
  }

  /** "for 3 days", "for a week" (the number may be left out), "por dos semanas". */
  private LocalDate afterPeriod(List<Token> tokens, int j, ExpiryWords words, LocalDate today) {
    if (j >= tokens.size()) {
      return null;
    }
    BigDecimal amount = Quantity.number(tokens.get(j), lexicons);
    int unitAt = amount == null ? j : j + 1;
    if (unitAt >= tokens.size()) {
      return null;
    }
    long count = amount == null ? 1 : amount.longValue();
    String unit = tokens.get(unitAt).key();
    long days;
    if (words.dayUnits().contains(unit)) {
      days = count;
    } else if (words.weekUnits().contains(unit)) {
      days = count * 7;
    } else {
      return null;
    }
    return days > 0 && days <= MAX_DAYS ? today.plusDays(days) : null;
  }
}
