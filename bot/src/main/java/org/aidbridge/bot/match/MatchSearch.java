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
  record Found(long otherId, MatchScorer.Scored scored, long olderId) {}

  private static final Comparator<Found> BEST_FIRST =
      Comparator.comparingDouble((Found f) -> -f.scored().score())
          .thenComparingLong(Found::olderId)
          .thenComparingLong(Found::otherId);
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
  private final List<Found> kept = new ArrayList<>();

  /** A place still to look: a coarse cell, or a ranked list from a position on. */
  private record Step(
      double bound, SpatialGrid.Coarse coarse, RankedEntries list, int position, double place) {}

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

  /** Queues a bucket; {@code travels} when it is a category that travels (no distance limit). */
  void add(MatchIndex.Bucket bucket, boolean travels) {
    queueGrid(bucket.located, cutOffFar && !travels);
    queueGrid(bucket.ships, false);
    queueList(bucket.placeless, 0, scorer.placeBound(-1));
  }

  /** Walks the queue until nothing left in it can beat what was kept; best first. */
  List<Found> run() {
    while (!queue.isEmpty()) {
      Step step = queue.poll();
      if (kept.size() == limit && step.bound + ROUNDING < worstKept()) {
        break;
      }
      if (step.coarse != null) {
        openCoarse(step.coarse, step.place < 0);
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
    scorer
        .score(need, offer, now, text)
        .ifPresent(s -> keep(new Found(other.id, s, Math.min(need.id, offer.id))));
  }

  List<Found> results() {
    return List.copyOf(kept);
  }

  private void keep(Found found) {
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
    return kept.get(kept.size() - 1).scored().score();
  }

  private void queueGrid(SpatialGrid grid, boolean cutOff) {
    for (SpatialGrid.Coarse cell : grid.coarseCells()) {
      double km = distanceBound(cell);
      if (cutOff && km > scorer.maxDistanceKm()) {
        continue;
      }
      double bound = pairBound + scorer.placeBound(km) + ownBound(query.kind);
      // A negative "place" marks a coarse step whose fine cells are cut off by distance.
      queue.add(new Step(bound, cell, null, 0, cutOff ? -1 : 1));
    }
  }

  private void openCoarse(SpatialGrid.Coarse cell, boolean cutOff) {
    for (SpatialGrid.Fine fine : cell.fines.values()) {
      double km = distanceBound(fine);
      if (cutOff && km > scorer.maxDistanceKm()) {
        continue;
      }
      queueList(fine.entries, 0, scorer.placeBound(km));
    }
  }

  private void queueList(RankedEntries list, int position, double place) {
    if (position < list.size()) {
      double own = MatchScorer.ownPoints(list.get(position), now);
      queue.add(new Step(pairBound + place + own, null, list, position, place));
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
