package org.aidbridge.bot.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Match;
import org.aidbridge.bot.store.Store;

/**
 * Finds the open listings of the opposite kind that fit a listing, best first.
 *
 * <p>Candidates come from the in-memory {@link MatchIndex} of the store's active listings (sharing
 * a category or an item), searched best first by score bounds, so the cost follows the few listings
 * that could rank among the best, not every listing of a category; {@link MatchScorer} decides and
 * ranks. Only the listings returned are read from the store.
 */
public final class Matcher {
  private final Store store;
  private final MatchScorer scorer;
  private final MatchIndex index;

  public Matcher(Store store, MatchScorer scorer) {
    this.store = Objects.requireNonNull(store);
    this.scorer = Objects.requireNonNull(scorer);
    this.index = MatchIndex.of(store);
  }

  /** At most {@code limit} matches for {@code listing}, best first; not stored. */
  public List<Match> matchesFor(Listing listing, Instant now, int limit) {
    return toMatches(listing, index.best(listing, scorer, now.toEpochMilli(), limit), now);
  }

  /**
   * The same as {@link #matchesFor}, found by scoring every active listing of the other kind: the
   * reference the index is measured and tested against.
   */
  public List<Match> matchesByFullScan(Listing listing, Instant now, int limit) {
    return toMatches(listing, index.scanAll(listing, scorer, now.toEpochMilli(), limit), now);
  }

  private List<Match> toMatches(Listing listing, List<MatchSearch.Found> found, Instant now) {
    List<Match> matches = new ArrayList<>(found.size());
    Map<Long, Listing> read = new HashMap<>();
    List<Long> ids = new ArrayList<>(found.size());
    found.forEach(f -> ids.add(f.otherId()));
    store.listingsByIds(ids).forEach(l -> read.put(l.id(), l));
    for (MatchSearch.Found f : found) {
      Listing other = read.get(f.otherId());
      if (other == null || !other.status().active()) {
        // Deleted since it was indexed (forgotten on another thread), or closed or hidden by
        // another instance sharing the database, whose changes this index does not hear of.
        continue;
      }
      Listing need = listing.kind() == Kind.NEED ? listing : other;
      Listing offer = listing.kind() == Kind.NEED ? other : listing;
      matches.add(new Match(0, need, offer, f.scored().score(), f.scored().reasons(), now));
    }
    return matches;
  }
}
