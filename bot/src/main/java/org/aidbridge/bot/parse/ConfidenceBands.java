package org.aidbridge.bot.parse;

/**
 * How sure the parser must be before the bot acts on a reading (see {@link
 * ParsedMessage#confidence()}).
 *
 * @param listing at or above this the bot makes the listing, in a group or in private
 * @param ask at or above this (and below {@code listing}) the bot asks the person in a private chat
 *     or a mail whether it is a need or an offer; in a group it stays silent
 */
public record ConfidenceBands(double listing, double ask) {

  /** Measured on the development corpus (docs/parser-quality.md). */
  public static final ConfidenceBands DEFAULT = new ConfidenceBands(0.5, 0.4);

  public ConfidenceBands {
    if (!(ask >= 0 && ask <= listing && listing <= 1)) {
      throw new IllegalArgumentException(
          "need 0 <= ask <= listing <= 1, got ask " + ask + ", listing " + listing);
    }
  }
}
