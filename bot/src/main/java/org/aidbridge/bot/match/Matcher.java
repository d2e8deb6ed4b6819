package org.aidbridge.bot.match;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Match;
import org.aidbridge.bot.model.Shipping;
import org.aidbridge.bot.store.Store;

/**
 * Finds the open listings of the opposite kind that fit a listing, best first.
 *
 * <p>Candidates come from the store's (category, geographic cell) index, so the cost grows with the
 * listings that share a category nearby, not with every listing; {@link MatchScorer} then decides
 * and ranks.
 */
public final class Matcher {
  private final Store store;
  private final MatchScorer scorer;

  public Matcher(Store store, MatchScorer scorer) {
    this.store = Objects.requireNonNull(store);
    this.scorer = Objects.requireNonNull(scorer);
  }

  /** At most {@code limit} matches for {@code listing}, best first; not stored. */
  public List<Match> matchesFor(Listing listing, Instant now, int limit) {
    return candidates(listing, now).stream()
        .filter(other -> !other.author().equals(listing.author()))
        .map(other -> score(listing, other, now))
        .flatMap(Optional::stream)
        .sorted(Comparator.comparingDouble(Match::score).reversed().thenComparing(Matcher::olderId))
        .limit(limit)
        .toList();
  }

  /**
   * The opposite listings worth scoring: for what can travel, any in the category; for the rest,
   * when the place is known, only those in the geographic cells within reach (or of unknown place).
   */
  private Collection<Listing> candidates(Listing listing, Instant now) {
    Kind wanted = listing.kind() == Kind.NEED ? Kind.OFFER : Kind.NEED;
    Map<Category, Boolean> byTravel = new EnumMap<>(Category.class);
    listing.categories().forEach(c -> byTravel.put(c, c.travels()));
    Set<Category> travelling = EnumSet.noneOf(Category.class);
    Set<Category> local = EnumSet.noneOf(Category.class);
    byTravel.forEach((c, t) -> (t ? travelling : local).add(c));
    Map<Long, Listing> found = new LinkedHashMap<>();
    if (!travelling.isEmpty()) {
      store.activeListings(wanted, travelling, now).forEach(l -> found.put(l.id(), l));
    }
    if (!local.isEmpty()) {
      boolean anywhere = listing.kind() == Kind.OFFER && Shipping.offered(listing);
      List<Listing> near =
          !anywhere && listing.place() != null && listing.place().resolved()
              ? store.activeListingsNear(
                  wanted, local, listing.place(), scorer.maxDistanceKm(), now)
              : store.activeListings(wanted, local, now);
      near.forEach(l -> found.put(l.id(), l));
    }
    return found.values();
  }

  private Optional<Match> score(Listing listing, Listing other, Instant now) {
    Listing need = listing.kind() == Kind.NEED ? listing : other;
    Listing offer = listing.kind() == Kind.NEED ? other : listing;
    return scorer
        .score(need, offer, now)
        .map(s -> new Match(0, need, offer, s.score(), s.reasons(), now));
  }

  /** Ties go to the listing that waited longest. */
  private static long olderId(Match match) {
    return Math.min(match.need().id(), match.offer().id());
  }
}
