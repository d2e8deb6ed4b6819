package org.aidbridge.bot.parse;

/**
 * Reads a free-text message and says whether it is a need, an offer or neither, and what, where and
 * how urgent. Implementations never throw on any input and are deterministic.
 */
public interface ListingParser {

  ParsedMessage parse(String text, ParseContext context);
}
