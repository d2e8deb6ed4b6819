package org.aidbridge.bot.match;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Located listings in cells at three resolutions: four-degree cells (about 450 km) hold one-degree
 * cells, which hold quarter-degree cells (about 28 km) with the listings. A search looks at a cell
 * as a whole first and opens it only when what lies inside could still beat what was found; far
 * cells stay closed, and opening one queues at most sixteen smaller ones.
 */
final class SpatialGrid {
  private static final double[] SIZES = {4, 1, 0.25};
  private static final int LEAF = SIZES.length - 1;
  private static final double EARTH_RADIUS_KM = 6371.0088;
  // A hair under the true lower bound, so rounding never makes it exceed a real distance.
  private static final double SAFETY = 0.999;

  /** A cell: its corner (south-west), its size in degrees, and what it holds. */
  static final class Cell {
    final double south;
    final double west;
    final double size;
    final int level;
    final Map<Long, Cell> children; // null in the smallest cells
    final RankedEntries entries; // null in the larger cells
    int categories; // every category any listing inside has had: a bound, never narrowed

    Cell(int y, int x, int level) {
      this.size = SIZES[level];
      this.south = y * size;
      this.west = x * size;
      this.level = level;
      this.children = level < LEAF ? new HashMap<>() : null;
      this.entries = level == LEAF ? new RankedEntries() : null;
    }

    boolean isLeaf() {
      return entries != null;
    }

    boolean isEmpty() {
      return isLeaf() ? entries.isEmpty() : children.isEmpty();
    }

    /** No point of the cell is nearer than this to ({@code lat}, {@code lon}). */
    double lowerBoundKm(double lat, double lon) {
      double north = south + size;
      double dLat = lat < south ? south - lat : lat > north ? lat - north : 0;
      double byLatitude = Math.toRadians(dLat);
      double dLon = longitudeGap(lon);
      if (dLon == 0) {
        return SAFETY * EARTH_RADIUS_KM * byLatitude;
      }
      // Distance to the great circle of the nearer edge's meridian: no nearer than that.
      double toMeridian =
          Math.asin(
              Math.min(
                  1, Math.cos(Math.toRadians(lat)) * Math.sin(Math.toRadians(Math.min(dLon, 90)))));
      return SAFETY * EARTH_RADIUS_KM * Math.max(byLatitude, toMeridian);
    }

    private double longitudeGap(double lon) {
      double fromWest = ((lon - west) % 360 + 360) % 360;
      if (fromWest <= size) {
        return 0;
      }
      return Math.min(fromWest - size, 360 - fromWest);
    }
  }

  private final Map<Long, Cell> top = new HashMap<>();

  void add(MatchProfile p) {
    Map<Long, Cell> level = top;
    Cell cell = null;
    for (int i = 0; i <= LEAF; i++) {
      int y = index(p.lat, i);
      int x = index(p.lon, i);
      int depth = i;
      cell = level.computeIfAbsent(key(y, x), k -> new Cell(y, x, depth));
      cell.categories |= p.categories;
      level = cell.children;
    }
    cell.entries.add(p);
  }

  void remove(MatchProfile p) {
    remove(top, p, 0);
  }

  /** Removes from the cell at {@code depth} in {@code level}; drops cells left empty. */
  private static void remove(Map<Long, Cell> level, MatchProfile p, int depth) {
    long key = key(index(p.lat, depth), index(p.lon, depth));
    Cell cell = level.get(key);
    if (cell == null) {
      return;
    }
    if (cell.isLeaf()) {
      cell.entries.remove(p);
    } else {
      remove(cell.children, p, depth + 1);
    }
    if (cell.isEmpty()) {
      level.remove(key);
    }
  }

  Collection<Cell> topCells() {
    return top.values();
  }

  private static int index(double degrees, int level) {
    return (int) Math.floor(degrees / SIZES[level]);
  }

  private static long key(int y, int x) {
    return ((long) y << 32) | (x & 0xffffffffL);
  }
}
