package org.aidbridge.routes.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * Reads an import row's {@code created} cell: a date ({@code 2024-05-01}, its midnight in UTC), a
 * time in UTC ({@code 2024-05-01T14:30:00Z}), one with an offset ({@code +02:00}), or a local time
 * taken as UTC ({@code 2024-05-01 14:30}).
 */
final class CreatedColumn {
  private static final Pattern OFFSET = Pattern.compile(".*[+-]\\d\\d:\\d\\d$");

  private CreatedColumn() {}

  /**
   * @throws IllegalArgumentException with a message for the person fixing the spreadsheet
   */
  static Instant read(String given) {
    String value = given.trim();
    try {
      Instant utc = utcSeconds(value);
      if (utc != null) {
        return utc;
      }
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      if (value.endsWith("Z") || OFFSET.matcher(value).matches()) {
        return OffsetDateTime.parse(value).toInstant();
      }
      return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "created must be a date such as 2024-05-01 or 2024-05-01T14:30:00Z, not '" + given + "'");
    }
  }

  /**
   * The commonest form, {@code 2024-05-01T14:30:00Z} (what spreadsheets and our export write), read
   * digit by digit: through {@link OffsetDateTime#parse} it was 9% of an import's reading thread.
   * Null for any other form; a field out of range throws as the parser would.
   */
  private static Instant utcSeconds(String v) {
    if (v.length() != 20
        || v.charAt(4) != '-'
        || v.charAt(7) != '-'
        || v.charAt(10) != 'T'
        || v.charAt(13) != ':'
        || v.charAt(16) != ':'
        || v.charAt(19) != 'Z') {
      return null;
    }
    int year = digits(v, 0, 4);
    int month = digits(v, 5, 7);
    int day = digits(v, 8, 10);
    int hour = digits(v, 11, 13);
    int minute = digits(v, 14, 16);
    int second = digits(v, 17, 19);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
      return null; // not all digits: left to the parser, which says what is wrong
    }
    return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
  }

  /**
   * The number the ASCII digits from {@code from} to {@code to} write; -1 if one is not a digit.
   */
  private static int digits(String v, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
