package org.aidbridge.routes.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Match;

/**
 * One line of {@code matches --json}. A listing is named by the external id it was imported with,
 * else by its reference.
 */
@JsonPropertyOrder({"need", "offer", "score", "reasons"})
public record JsonMatch(String need, String offer, double score, List<String> reasons) {

  public static JsonMatch from(Match match) {
    return new JsonMatch(
        name(match.need()), name(match.offer()), round(match.score()), match.reasons());
  }

  static String name(Listing listing) {
    return listing.externalId() != null ? listing.externalId() : listing.ref();
  }

  /** Three decimals: enough to rank, and stable to compare. */
  private static double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }
}
