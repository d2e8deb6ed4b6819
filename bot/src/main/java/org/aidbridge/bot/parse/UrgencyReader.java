package org.aidbridge.bot.parse;

import java.util.List;
import org.aidbridge.bot.model.Urgency;
import org.aidbridge.bot.parse.lexicon.Hit;
import org.aidbridge.bot.parse.lexicon.Hits;
import org.aidbridge.bot.parse.lexicon.Lexicons;
import org.aidbridge.bot.parse.lexicon.Token;

/**
 * Urgency from the words of every language: "not urgent" and "no rush" are LOW (and beat the
 * "urgent" inside them, being longer), "urgent", "ASAP", "today", "فوری" are HIGH.
 */
final class UrgencyReader {

  private static final List<String> RANKING = List.of("urgency.low", "urgency.high");

  private final Lexicons lexicons;

  UrgencyReader(Lexicons lexicons) {
    this.lexicons = lexicons;
  }

  /**
   * The message's urgency, and whether it opens with an urgent word (as in "URGENT: water for the
   * camp, ..."), from one search of the urgency phrases.
   */
  Reading read(List<Token> tokens) {
    List<Hit> hits = lexicons.urgency().findAll(tokens);
    return new Reading(urgency(hits), opensUrgent(hits));
  }

  /** What {@link #read} found. */
  record Reading(Urgency urgency, boolean opensUrgent) {}

  private static Urgency urgency(List<Hit> hits) {
    boolean high = false;
    for (Hit hit : Hits.select(hits, RANKING)) {
      if (hit.tag().equals("urgency.low")) {
        return Urgency.LOW;
      }
      high = true;
    }
    return high ? Urgency.HIGH : Urgency.NORMAL;
  }

  private static boolean opensUrgent(List<Hit> hits) {
    for (Hit hit : hits) {
      if (hit.start() == 0 && hit.tag().equals("urgency.high")) {
        return true;
      }
    }
    return false;
  }
}
