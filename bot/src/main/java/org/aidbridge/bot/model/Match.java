package org.aidbridge.bot.model;

import java.time.Instant;
import java.util.List;

/**
 * A need and an offer that fit each other.
 *
 * @param id the store's id, 0 before it is stored
 * @param need the need
 * @param offer the offer
 * @param score higher is better; comparable only between matches of the same listing
 * @param reasons why they fit, in stable machine words such as {@code category:food}, {@code
 *     item:rice}, {@code distance-km:12}, {@code place-unknown}
 * @param createdAt when the match was made
 */
public record Match(
    long id, Listing need, Listing offer, double score, List<String> reasons, Instant createdAt) {

  public Match {
    reasons = List.copyOf(reasons);
  }

  public Match withId(long newId) {
    return new Match(newId, need, offer, score, reasons, createdAt);
  }

  /** The other side of the match, seen from {@code listing}. */
  public Listing counterpart(Listing listing) {
    return listing.id() == need.id() ? offer : need;
  }
}
