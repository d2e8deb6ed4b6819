package org.aidbridge.bot.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Kind;

/**
 * One search of the {@link MatchIndex} for the best listings to pair with one listing, best first
 * by score bounds: every place to look (a coarse cell, a fine cell, the next listing of a ranked
 * list) waits in a queue under the most any listing there could score, and the search stops when
 * the best of those bounds cannot beat the last of the listings kept. Far cells of what cannot
 * travel are not even queued. What it returns is what scoring every listing would return.
 */
final class MatchSearch {
  /** A pair found: the other listing's id and the score with its reasons. */
  record Found(long otherId, MatchScorer.Scored scored) {}

  /** A pair kept while searching: the reasons are worked out only for those returned. */
  private record Kept(MatchProfile other, double score, long olderId) {}

  private static final Comparator<Kept> BEST_FIRST =
      Comparator.comparingDouble((Kept k) -> -k.score())
          .thenComparingLong(Kept::olderId)
          .thenComparingLong(k -> k.other().id);
  // Scores are rounded to the hundredth: a bound this much under a kept score still cannot win.
  private static final double ROUNDING = 0.01;

  private final MatchProfile query;
  private final MatchScorer scorer;
  private final TextRelevance text;
  private final long now;
  private final int limit;
  private final double pairBound; // the most shared categories, items, words and own points give
  private final boolean cutOffFar; // whether a local pair beyond the distance limit cannot fit
  private final PriorityQueue<Step> queue =
      new PriorityQueue<>(Comparator.comparingDouble((Step s) -> -s.bound));
  private final Set<Long> seen = new HashSet<>();
  private final List<Kept> kept = new ArrayList<>();

  /**
   * A place still to look: a coarse cell (with whether its far fine cells are cut off and whether
   * pairs in it can travel), or a ranked list from a position on (with the bound of its places).
   */
  private record Step(
      double bound,
      SpatialGrid.Coarse coarse,
      boolean cutOff,
      boolean travels,
      RankedEntries list,
      int position,
      double place) {}

  MatchSearch(MatchProfile query, MatchScorer scorer, TextRelevance text, long now, int limit) {
    this.query = query;
    this.scorer = scorer;
    this.text = text;
    this.now = now;
    this.limit = limit;
    int categories = Integer.bitCount(query.categories & ~(1 << Category.OTHER.ordinal()));
    this.pairBound =
        MatchScorer.CATEGORY_POINTS * categories
            + MatchScorer.ITEM_POINTS * query.items.length
            + MatchScorer.TEXT_POINTS
            + MatchScorer.ownPoints(query, now);
    this.cutOffFar = query.located() && !query.ships;
  }

  /**
   * Queues a bucket; {@code travels} when it is a category that travels. In any other bucket a pair
   * that travels (all categories shared travel) is also in the bucket of such a category, and found
   * there: here it is bounded, and cut off by distance, as if it could not travel. An offer that
   * ships travels with every need.
   */
  void add(MatchIndex.Bucket bucket, boolean travels) {
    boolean canTravel = travels || query.ships;
    queueGrid(bucket.located, cutOffFar && !canTravel, canTravel);
    queueGrid(bucket.ships, false, true);
    queueList(bucket.placeless, 0, scorer.placeBound(-1, canTravel));
    queueList(bucket.placelessShips, 0, scorer.placeBound(-1, true));
  }

  /** Walks the queue until nothing left in it can beat what was kept; best first. */
  List<Found> run() {
    while (!queue.isEmpty()) {
      Step step = queue.poll();
      if (kept.size() == limit && step.bound + ROUNDING < worstKept()) {
        break;
      }
      if (step.coarse != null) {
        openCoarse(step.coarse, step.cutOff, step.travels);
      } else {
        queueList(step.list, step.position + 1, step.place);
        consider(step.list.get(step.position));
      }
    }
    return results();
  }

  /** Scores one candidate and keeps it if it is among the best so far. */
  void consider(MatchProfile other) {
    if (other.expiresAt <= now || other.author.equals(query.author) || !seen.add(other.id)) {
      return;
    }
    MatchProfile need = query.kind == Kind.NEED ? query : other;
    MatchProfile offer = query.kind == Kind.NEED ? other : query;
    double score = scorer.score(need, offer, now, text, null);
    if (!Double.isNaN(score)) {
      keep(new Kept(other, score, Math.min(need.id, offer.id)));
    }
  }

  /** The pairs kept, best first, each scored again with its reasons. */
  List<Found> results() {
    List<Found> found = new ArrayList<>(kept.size());
    for (Kept k : kept) {
      MatchProfile need = query.kind == Kind.NEED ? query : k.other();
      MatchProfile offer = query.kind == Kind.NEED ? k.other() : query;
      found.add(new Found(k.other().id, scorer.score(need, offer, now, text).orElseThrow()));
    }
    return found;
  }

  private void keep(Kept found) {
    int at = 0;
    while (at < kept.size() && BEST_FIRST.compare(kept.get(at), found) < 0) {
      at++;
    }
    if (at < limit) {
      kept.add(at, found);
      if (kept.size() > limit) {
        kept.remove(kept.size() - 1);
      }
    }
  }

  private double worstKept() {
    return kept.get(kept.size() - 1).score();
  }

  private void queueGrid(SpatialGrid grid, boolean cutOff, boolean travels) {
    for (SpatialGrid.Coarse cell : grid.coarseCells()) {
      double km = distanceBound(cell);
      if (cutOff && km > scorer.maxDistanceKm()) {
        continue;
      }
      double bound = pairBound + scorer.placeBound(km, travels) + ownBound(query.kind);
      queue.add(new Step(bound, cell, cutOff, travels, null, 0, 0));
    }
  }

  private void openCoarse(SpatialGrid.Coarse cell, boolean cutOff, boolean travels) {
    for (SpatialGrid.Fine fine : cell.fines.values()) {
      double km = distanceBound(fine);
      if (cutOff && km > scorer.maxDistanceKm()) {
        continue;
      }
      queueList(fine.entries, 0, scorer.placeBound(km, travels));
    }
  }

  private void queueList(RankedEntries list, int position, double place) {
    if (position < list.size()) {
      double own = MatchScorer.ownPoints(list.get(position), now);
      queue.add(new Step(pairBound + place + own, null, false, false, list, position, place));
    }
  }

  private double distanceBound(SpatialGrid.Cell cell) {
    return query.located() ? cell.lowerBoundKm(query.lat, query.lon) : -1;
  }

  /** The most a listing of the kind the query is not can bring on its own. */
  private static double ownBound(Kind queryKind) {
    return queryKind == Kind.NEED ? 0 : MatchScorer.MAX_NEED_OWN_POINTS;
  }
}
