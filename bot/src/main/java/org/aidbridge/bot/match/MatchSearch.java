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
  private final double categoryBound; // the most shared categories, words and own points give
  private final double itemPoints; // the most shared items give
  private final boolean cutOffFar; // whether a local pair beyond the distance limit cannot fit
  private final PriorityQueue<Step> queue =
      new PriorityQueue<>(Comparator.comparingDouble((Step s) -> -s.bound));
  private final Set<Long> seen = new HashSet<>();
  private final List<Kept> kept = new ArrayList<>();
  private int scored;
  private List<Found> found = List.of();

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
      double base) {}

  MatchSearch(MatchProfile query, MatchScorer scorer, TextRelevance text, long now, int limit) {
    this.query = query;
    this.scorer = scorer;
    this.text = text;
    this.now = now;
    this.limit = limit;
    int categories = Integer.bitCount(query.categories & ~(1 << Category.OTHER.ordinal()));
    this.categoryBound =
        MatchScorer.CATEGORY_POINTS * categories
            + MatchScorer.TEXT_POINTS * text.mostRelevance(query.terms)
            + MatchScorer.ownPoints(query, now);
    this.itemPoints = MatchScorer.ITEM_POINTS * query.items.length;
    this.cutOffFar = query.located() && !query.ships;
  }

  /**
   * Queues a category's bucket; {@code travels} when the category travels. In any other bucket a
   * pair that travels (all categories shared travel) is also in the bucket of such a category, and
   * found there: here it is bounded, and cut off by distance, as if it could not travel (an offer
   * that ships travels with every need, though). Likewise a pair that shares an item is in that
   * item's bucket: here it is bounded as if it shared none.
   */
  void addCategory(MatchIndex.Bucket bucket, boolean travels) {
    add(bucket, travels || query.ships, categoryBound);
  }

  /**
   * Queues an item's bucket, bounded by everything a pair can share and able to travel when the
   * listing has a category that travels: a pair found here may be bounded too low anywhere else.
   */
  void addItem(MatchIndex.Bucket bucket) {
    add(bucket, query.ships || anyTravels(query), categoryBound + itemPoints);
  }

  private static boolean anyTravels(MatchProfile listing) {
    for (Category c : Category.values()) {
      if (c.travels() && listing.has(c)) {
        return true;
      }
    }
    return false;
  }

  private void add(MatchIndex.Bucket bucket, boolean canTravel, double pairBound) {
    queueGrid(bucket.located, cutOffFar && !canTravel, canTravel, pairBound);
    queueGrid(bucket.ships, false, true, pairBound);
    queueList(bucket.placeless, 0, pairBound + scorer.placeBound(-1, canTravel));
    queueList(bucket.placelessShips, 0, pairBound + scorer.placeBound(-1, true));
  }

  /** Walks the queue until nothing left in it can beat what was kept; best first. */
  void run() {
    while (!queue.isEmpty()) {
      Step step = queue.poll();
      if (kept.size() == limit && step.bound + ROUNDING < worstKept()) {
        break;
      }
      if (step.coarse != null) {
        openCoarse(step.coarse, step.cutOff, step.travels, step.base);
      } else {
        walk(step.list, step.position, step.base);
      }
    }
    found = results();
  }

  /** What {@link #run} found, best first. */
  List<Found> found() {
    return found;
  }

  /**
   * Scores a ranked list from a position on while it holds the best bound there is; where another
   * place could hold better, puts the rest of the list back in the queue.
   */
  private void walk(RankedEntries list, int from, double base) {
    for (int at = from; at < list.size(); at++) {
      double bound = base + MatchScorer.ownPoints(list.get(at), now);
      if (kept.size() == limit && bound + ROUNDING < worstKept()) {
        return; // nothing further down this list can win
      }
      Step next = queue.peek();
      if (next != null && bound < next.bound) {
        queue.add(new Step(bound, null, false, false, list, at, base));
        return;
      }
      consider(list.get(at));
    }
  }

  /** How many pairs this search scored (to show that it did not score them all). */
  int scored() {
    return scored;
  }

  /** Scores one candidate and keeps it if it is among the best so far. */
  void consider(MatchProfile other) {
    if (other.expiresAt <= now || other.author.equals(query.author) || !seen.add(other.id)) {
      return;
    }
    scored++;
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

  private void queueGrid(SpatialGrid grid, boolean cutOff, boolean travels, double pairBound) {
    for (SpatialGrid.Coarse cell : grid.coarseCells()) {
      double km = distanceBound(cell);
      if (cutOff && km > scorer.maxDistanceKm()) {
        continue;
      }
      double bound = pairBound + scorer.placeBound(km, travels) + ownBound(query.kind);
      queue.add(new Step(bound, cell, cutOff, travels, null, 0, pairBound));
    }
  }

  private void openCoarse(
      SpatialGrid.Coarse cell, boolean cutOff, boolean travels, double pairBound) {
    for (SpatialGrid.Fine fine : cell.fines.values()) {
      double km = distanceBound(fine);
      if (cutOff && km > scorer.maxDistanceKm()) {
        continue;
      }
      queueList(fine.entries, 0, pairBound + scorer.placeBound(km, travels));
    }
  }

  /** Queues a ranked list; {@code base} bounds all but what each entry brings on its own. */
  private void queueList(RankedEntries list, int position, double base) {
    if (position < list.size()) {
      double own = MatchScorer.ownPoints(list.get(position), now);
      queue.add(new Step(base + own, null, false, false, list, position, base));
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
