package org.aidbridge.bot.parse;

import java.time.Instant;

/**
 * Reads a free-text message and says whether it is a need, an offer or neither, and what, where and
 * how urgent. Implementations never throw on any input and are deterministic.
 */
public interface ListingParser {

  ParsedMessage parse(String text, ParseContext context);

  /**
   * Does now what of reading {@code text} does not depend on the moment (all but what "until
   * Friday" means), so that another thread can do it ahead of time; the moment comes later, to
   * {@link Reading#at}. For every moment {@code t}, {@code readAhead(text, context).at(t)} equals
   * {@code parse(text, context.withNow(t))}. By default nothing is done ahead.
   */
  default Reading readAhead(String text, ParseContext context) {
    return now -> parse(text, context == null ? ParseContext.at(now) : context.withNow(now));
  }

  /** A text read but for the moment it is read at; may be asked for several moments. */
  @FunctionalInterface
  interface Reading {
    ParsedMessage at(Instant now);
  }
}
