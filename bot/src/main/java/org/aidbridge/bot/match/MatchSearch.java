package org.aidbridge.bot.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Kind;

/**
 * One search of the {@link MatchIndex} for the best listings to pair with one listing, best first
 * by score bounds: every place to look (a cell of the grid, at any of its sizes, or the next
 * listing of a ranked list) waits in a queue under the most any listing there could score, and the
 * search stops when the best of those bounds cannot beat the last of the listings kept. Far cells
 * of what cannot travel are not even queued. What it returns is what scoring every listing would
 * return.
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
  private static final double WALK_ON = 1;
  private static final int TRAVELLING = travellingCategories();

  private final MatchProfile query;
  private final MatchScorer scorer;
  private final TextRelevance text;
  private final long now;
  private final int limit;
  private final double categoryBound; // the most shared categories, words and own points give
  private final double itemPoints; // the most shared items give
  private final int categoryCount; // the listing's categories that count (not OTHER)
  private final boolean cutOffFar; // whether a local pair beyond the distance limit cannot fit
  private final double cosLat; // of the query's latitude, for the cells' distance bounds
  private final StepQueue queue = new StepQueue();
  private final List<Scope> scopes = new ArrayList<>(4); // of the buckets queued; cells name theirs
  // The scope of the cell being queued, narrowed from its bucket's (fields, not a record per cell).
  private boolean cellCutOff;
  private boolean cellTravels;
  private double cellPairBound;
  private final List<Kept> kept = new ArrayList<>();
  private int scored;
  private List<Found> found = List.of();

  MatchSearch(MatchProfile query, MatchScorer scorer, TextRelevance text, long now, int limit) {
    this.query = query;
    this.scorer = scorer;
    this.text = text;
    this.now = now;
    this.limit = limit;
    int categories = Integer.bitCount(query.categories & ~(1 << Category.OTHER.ordinal()));
    this.categoryCount = categories;
    this.categoryBound =
        MatchScorer.CATEGORY_POINTS * categories
            + MatchScorer.TEXT_POINTS * text.mostRelevance(query.terms)
            + MatchScorer.ownPoints(query, now);
    this.itemPoints = MatchScorer.ITEM_POINTS * query.items.length;
    this.cutOffFar = query.located() && !query.ships;
    this.cosLat = query.located() ? Math.cos(Math.toRadians(query.lat)) : 0;
  }

  /**
   * Queues a category's bucket; {@code travels} when the category travels. In any other bucket a
   * pair that travels (all categories shared travel) is also in the bucket of such a category, and
   * found there: here it is bounded, and cut off by distance, as if it could not travel (an offer
   * that ships travels with every need, though). Likewise a pair that shares an item is in that
   * item's bucket: here it is bounded as if it shared none.
   */
  void addCategory(MatchIndex.Bucket bucket, boolean travels) {
    boolean canTravel = travels || query.ships;
    add(bucket, new Scope(false, cutOffFar && !canTravel, canTravel, categoryBound));
  }

  /**
   * Queues an item's bucket, bounded by everything a pair can share, and able to travel, as far as
   * the categories found in each cell allow: a pair found here may be bounded too low elsewhere.
   */
  void addItem(MatchIndex.Bucket bucket) {
    add(bucket, new Scope(true, cutOffFar, false, 0));
  }

  /**
   * How a part of a bucket is bounded: whether far cells are cut off, whether pairs may travel, and
   * the most that shared categories, items, words and the listing's own points give. In an item's
   * bucket this is worked out for each cell from the categories its listings have.
   */
  private record Scope(boolean byCell, boolean cutOff, boolean travels, double pairBound) {}

  /** Narrows {@code scope} to a cell or list holding these categories, into the cell fields. */
  private void narrow(Scope scope, int categoriesInCell, boolean ships) {
    if (!scope.byCell()) {
      cellCutOff = !ships && scope.cutOff();
      cellTravels = ships || scope.travels();
      cellPairBound = scope.pairBound();
      return;
    }
    int shared = query.categories & categoriesInCell & ~(1 << Category.OTHER.ordinal());
    boolean travels = ships || query.ships || (shared & TRAVELLING) != 0;
    cellPairBound =
        categoryBound
            - MatchScorer.CATEGORY_POINTS * categoryCount
            + MatchScorer.CATEGORY_POINTS * Integer.bitCount(shared)
            + itemPoints;
    cellCutOff = !ships && cutOffFar && !travels;
    cellTravels = travels;
  }

  private void add(MatchIndex.Bucket bucket, Scope scope) {
    scopes.add(scope);
    int scopeIndex = scopes.size() - 1;
    queueGrid(bucket.located, scopeIndex, false);
    queueGrid(bucket.ships, scopeIndex, true);
    queuePlaceless(bucket.placeless, scope, false);
    queuePlaceless(bucket.placelessShips, scope, true);
  }

  private void queuePlaceless(RankedEntries list, Scope scope, boolean ships) {
    narrow(scope, list.categories(), ships);
    queueList(list, 0, cellPairBound + scorer.placeBound(-1, cellTravels));
  }

  /** Walks the queue until nothing left in it can beat what was kept; best first. */
  void run() {
    while (!queue.isEmpty()) {
      double bound = queue.topBound();
      Object target = queue.topTarget();
      int value = queue.topInt();
      double base = queue.topBase();
      queue.removeTop();
      if (cannotWin(bound)) {
        break;
      }
      if (target instanceof SpatialGrid.Cell cell) {
        open(cell, value);
      } else {
        walk((RankedEntries) target, value, base);
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
      double bound = base + list.ownPoints(at, now);
      if (cannotWin(bound)) {
        return; // nothing further down this list can win
      }
      // Going on a little below the best bound costs less than queueing the rest again.
      if (!queue.isEmpty() && bound + WALK_ON < queue.topBound()) {
        queue.add(bound, list, at, base);
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
    if (other.expiresAt <= now || other.author.equals(query.author) || isKept(other)) {
      return; // a listing in two buckets may come twice
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

  private boolean isKept(MatchProfile other) {
    for (Kept k : kept) {
      if (k.other() == other) {
        return true;
      }
    }
    return false;
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

  private void queueGrid(SpatialGrid grid, int scopeIndex, boolean ships) {
    for (SpatialGrid.Cell cell : grid.topCells()) {
      queueCell(cell, scopeIndex, ships);
    }
  }

  /**
   * Queues the cells inside a cell; {@code scopeAndShips} is the index of its bucket's scope,
   * shifted left once, with the lowest bit set for a grid of offers that ship.
   */
  private void open(SpatialGrid.Cell cell, int scopeAndShips) {
    int scopeIndex = scopeAndShips >>> 1;
    boolean ships = (scopeAndShips & 1) != 0;
    boolean leaves = cell.childrenAreLeaves();
    SpatialGrid.Cell[] children = cell.children;
    for (int slot = 0; slot < children.length; slot++) {
      if (children[slot] != null) {
        // Bounded from what the parent keeps of it: the child itself is read only if it may win.
        double km =
            query.located() ? cell.childLowerBoundKm(slot, query.lat, query.lon, cosLat) : -1;
        queueCell(children[slot], cell.childCategories[slot], km, leaves, scopeIndex, ships);
      }
    }
  }

  /** Queues a cell of the largest size: see the next. */
  private void queueCell(SpatialGrid.Cell cell, int scopeIndex, boolean ships) {
    queueCell(cell, cell.categories, distanceBound(cell), cell.isLeaf(), scopeIndex, ships);
  }

  /**
   * Queues a cell under its bound, or its listings when it is of the smallest size ({@code leaf});
   * {@code categories} are those of its listings, {@code km} its distance bound.
   */
  private void queueCell(
      SpatialGrid.Cell cell,
      int categories,
      double km,
      boolean leaf,
      int scopeIndex,
      boolean ships) {
    narrow(scopes.get(scopeIndex), categories, ships);
    if (cellCutOff && km > scorer.maxDistanceKm()) {
      return;
    }
    double base = cellPairBound + scorer.placeBound(km, cellTravels);
    double bound = base + ownBound(query.kind);
    if (cannotWin(bound)) {
      return; // decided without reaching into the cell's listings
    }
    if (leaf) {
      queueList(cell.entries, 0, base);
    } else {
      queue.add(bound, cell, scopeIndex << 1 | (ships ? 1 : 0), 0);
    }
  }

  /** Whether a bound is too low to beat or tie the last of a full list of kept pairs. */
  private boolean cannotWin(double bound) {
    return kept.size() == limit && bound + ROUNDING < worstKept();
  }

  /** Queues a ranked list; {@code base} bounds all but what each entry brings on its own. */
  private void queueList(RankedEntries list, int position, double base) {
    if (position < list.size()) {
      double bound = base + list.ownPoints(position, now);
      if (!cannotWin(bound)) {
        queue.add(bound, list, position, base);
      }
    }
  }

  private double distanceBound(SpatialGrid.Cell cell) {
    return query.located() ? cell.lowerBoundKm(query.lat, query.lon, cosLat) : -1;
  }

  private static int travellingCategories() {
    int mask = 0;
    for (Category c : Category.values()) {
      if (c.travels()) {
        mask |= 1 << c.ordinal();
      }
    }
    return mask;
  }

  /** The most a listing of the kind the query is not can bring on its own. */
  private static double ownBound(Kind queryKind) {
    return queryKind == Kind.NEED ? 0 : MatchScorer.MAX_NEED_OWN_POINTS;
  }
}
