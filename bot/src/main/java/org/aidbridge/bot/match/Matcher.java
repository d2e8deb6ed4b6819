package org.aidbridge.bot.match;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Match;
import org.aidbridge.bot.store.Store;

/**
 * Finds the open listings of the opposite kind that fit a listing, best first.
 *
 * <p>Candidates come from the store's category index, so the cost grows with the listings that
 * share a category, not with every listing; {@link MatchScorer} then ranks them.
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
    Kind wanted = listing.kind() == Kind.NEED ? Kind.OFFER : Kind.NEED;
    return store.activeListings(wanted, listing.categories(), now).stream()
        .filter(other -> !other.author().equals(listing.author()))
        .map(other -> score(listing, other, now))
        .flatMap(Optional::stream)
        .sorted(Comparator.comparingDouble(Match::score).reversed().thenComparing(Matcher::olderId))
        .limit(limit)
        .toList();
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
