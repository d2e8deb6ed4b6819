package org.aidbridge.bot.match;

import java.util.HashMap;
import java.util.Map;
import org.aidbridge.bot.model.GeoMath;

/**
 * Located listings in cells at three resolutions: four-degree cells (about 450 km) hold one-degree
 * cells, which hold quarter-degree cells (about 28 km) with the listings. A search looks at a cell
 * as a whole first and opens it only when what lies inside could still beat what was found; far
 * cells stay closed, and opening one looks at at most sixteen smaller ones.
 *
 * <p>A cell keeps its smaller cells in an array of sixteen slots (each side splits in four), not a
 * map: a search opens some forty cells per query, and walking a map's entries and boxing their keys
 * cost more than the rest of the search.
 */
final class SpatialGrid {
  private static final double[] SIZES = {4, 1, 0.25}; // powers of two: dividing by them is exact
  private static final int LEAF = SIZES.length - 1;
  private static final int SPLIT = 4; // each side of a cell splits in four at the next size
  // A hair under the true lower bound, so rounding never makes it exceed a real distance.
  private static final double SAFETY = 0.999;

  /** A cell: its corner (south-west), its size in degrees, and what it holds. */
  static final class Cell {
    final double south;
    final double north;
    final double west;
    final double size;
    final int y;
    final int x;
    final int level;
    final Cell[] children; // SPLIT × SPLIT slots by row and column inside; null in the smallest
    // The categories of each child, by slot, so that a search can bound a child without reading
    // it: most children are bounded and left, and reading each was a search's costliest step.
    final int[] childCategories;
    int childCount;
    final RankedEntries entries; // null in the larger cells
    int categories; // every category any listing inside has had: a bound, never narrowed

    Cell(int y, int x, int level) {
      this.size = SIZES[level];
      this.y = y;
      this.x = x;
      this.south = y * size;
      this.north = south + size;
      this.west = x * size;
      this.level = level;
      this.children = level < LEAF ? new Cell[SPLIT * SPLIT] : null;
      this.childCategories = level < LEAF ? new int[SPLIT * SPLIT] : null;
      this.entries = level == LEAF ? new RankedEntries() : null;
    }

    boolean isLeaf() {
      return entries != null;
    }

    /** Whether this cell's children hold listings (are of the smallest size). */
    boolean childrenAreLeaves() {
      return level + 1 == LEAF;
    }

    boolean isEmpty() {
      return isLeaf() ? entries.isEmpty() : childCount == 0;
    }

    /**
     * No point of the cell is nearer than this to ({@code lat}, {@code lon}); see the static one.
     */
    double lowerBoundKm(double lat, double lon, double cosLat) {
      return SpatialGrid.lowerBoundKm(south, north, west, size, lat, lon, cosLat);
    }

    /**
     * {@link #lowerBoundKm} of the child in {@code slot}, worked out from this cell (the same
     * arithmetic as the child's own, so the same value) without reading the child.
     */
    double childLowerBoundKm(int slot, double lat, double lon, double cosLat) {
      double childSize = SIZES[level + 1];
      double childSouth = (y * SPLIT + slot / SPLIT) * childSize;
      double childWest = (x * SPLIT + slot % SPLIT) * childSize;
      return SpatialGrid.lowerBoundKm(
          childSouth, childSouth + childSize, childWest, childSize, lat, lon, cosLat);
    }

    private Cell childFor(double lat, double lon, boolean create) {
      int cy = index(lat, level + 1);
      int cx = index(lon, level + 1);
      int slot = slotOf(cy, cx);
      Cell child = children[slot];
      if (child == null && create) {
        child = new Cell(cy, cx, level + 1);
        children[slot] = child;
        childCount++;
      }
      return child;
    }

    /** The child a profile belongs in (made if missing), its categories counted in. */
    private Cell addTo(MatchProfile p) {
      Cell child = childFor(p.lat, p.lon, true);
      childCategories[slotOf(child.y, child.x)] |= p.categories;
      child.categories |= p.categories;
      return child;
    }

    /** The slot of the child cell at ({@code cy}, {@code cx}) of the next size. */
    private int slotOf(int cy, int cx) {
      return (cy - y * SPLIT) * SPLIT + (cx - x * SPLIT);
    }

    private void drop(Cell child) {
      int slot = slotOf(child.y, child.x);
      children[slot] = null;
      childCategories[slot] = 0;
      childCount--;
    }
  }

  /**
   * No point of the cell from {@code south} to {@code north} and {@code west} eastwards by {@code
   * size} degrees is nearer than this to ({@code lat}, {@code lon}), whose latitude's cosine is
   * {@code cosLat}. The distance to the great circle of the nearer edge's meridian is {@code
   * asin(cos(lat) sin(dLon))}; since {@code asin(v) >= v} and {@code sin(d) >= d - d³/6}, {@code
   * cos(lat) (d - d³/6)} is no more than it, and costs no trigonometry per cell.
   */
  private static double lowerBoundKm(
      double south, double north, double west, double size, double lat, double lon, double cosLat) {
    double dLat = lat < south ? south - lat : lat > north ? lat - north : 0;
    double byLatitude = Math.toRadians(dLat);
    double dLon = longitudeGap(west, size, lon);
    if (dLon == 0) {
      return SAFETY * GeoMath.EARTH_RADIUS_KM * byLatitude;
    }
    double d = Math.toRadians(Math.min(dLon, 90));
    double toMeridian = cosLat * (d - d * d * d / 6);
    return SAFETY * GeoMath.EARTH_RADIUS_KM * Math.max(byLatitude, toMeridian);
  }

  private static double longitudeGap(double west, double size, double lon) {
    double fromWest = lon - west;
    if (fromWest < 0 || fromWest >= 360) {
      fromWest = (fromWest % 360 + 360) % 360;
    }
    if (fromWest <= size) {
      return 0;
    }
    return Math.min(fromWest - size, 360 - fromWest);
  }

  private final Map<Long, Cell> top = new HashMap<>();
  private Cell[] topCells = new Cell[0]; // the values of top, for searches to walk without a map

  void add(MatchProfile p) {
    add(p, null);
  }

  /**
   * As {@link #add(MatchProfile)}, but appended out of order to a list named in {@code unsorted}
   * (which the caller sorts) when {@code unsorted} is not null.
   */
  void add(MatchProfile p, java.util.List<RankedEntries> unsorted) {
    long key = key(index(p.lat, 0), index(p.lon, 0));
    Cell cell = top.get(key);
    if (cell == null) {
      cell = new Cell(index(p.lat, 0), index(p.lon, 0), 0);
      top.put(key, cell);
      topCells = top.values().toArray(Cell[]::new);
    }
    cell.categories |= p.categories;
    while (!cell.isLeaf()) {
      cell = cell.addTo(p);
    }
    if (unsorted == null) {
      cell.entries.add(p);
    } else {
      cell.entries.append(p, unsorted);
    }
  }

  void remove(MatchProfile p) {
    long key = key(index(p.lat, 0), index(p.lon, 0));
    Cell cell = top.get(key);
    if (cell != null && remove(cell, p)) {
      top.remove(key);
      topCells = top.values().toArray(Cell[]::new);
    }
  }

  /** Removes from {@code cell} and drops cells left empty; whether {@code cell} is empty now. */
  private static boolean remove(Cell cell, MatchProfile p) {
    if (cell.isLeaf()) {
      cell.entries.remove(p);
    } else {
      Cell child = cell.childFor(p.lat, p.lon, false);
      if (child != null && remove(child, p)) {
        cell.drop(child);
      }
    }
    return cell.isEmpty();
  }

  /** The largest cells; not to be changed by the caller. */
  Cell[] topCells() {
    return topCells;
  }

  private static int index(double degrees, int level) {
    return (int) Math.floor(degrees / SIZES[level]);
  }

  private static long key(int y, int x) {
    return ((long) y << 32) | (x & 0xffffffffL);
  }
}
