package org.aidbridge.bot.match;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Located listings in cells at two resolutions: quarter-degree cells (about 28 km) inside
 * four-degree ones (about 450 km). A search looks at a coarse cell as a whole first and opens it
 * only when what lies inside could still beat what was found; far cells stay closed.
 */
final class SpatialGrid {
  static final double FINE_DEGREES = 0.25;
  static final int FINE_PER_COARSE = 16;
  static final double COARSE_DEGREES = FINE_DEGREES * FINE_PER_COARSE;
  private static final double EARTH_RADIUS_KM = 6371.0088;
  // A hair under the true lower bound, so rounding never makes it exceed a real distance.
  private static final double SAFETY = 0.999;

  /** A cell: its corner (south-west) and size in degrees. */
  abstract static class Cell {
    final double south;
    final double west;
    final double size;

    Cell(int y, int x, double size) {
      this.south = y * size;
      this.west = x * size;
      this.size = size;
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

  static final class Fine extends Cell {
    final RankedEntries entries = new RankedEntries();

    Fine(int y, int x) {
      super(y, x, FINE_DEGREES);
    }
  }

  static final class Coarse extends Cell {
    final Map<Long, Fine> fines = new HashMap<>();

    Coarse(int y, int x) {
      super(y, x, COARSE_DEGREES);
    }
  }

  private final Map<Long, Coarse> coarse = new HashMap<>();

  void add(MatchProfile p) {
    int fy = fineIndex(p.lat);
    int fx = fineIndex(p.lon);
    int cy = Math.floorDiv(fy, FINE_PER_COARSE);
    int cx = Math.floorDiv(fx, FINE_PER_COARSE);
    coarse
        .computeIfAbsent(key(cy, cx), k -> new Coarse(cy, cx))
        .fines
        .computeIfAbsent(key(fy, fx), k -> new Fine(fy, fx))
        .entries
        .add(p);
  }

  void remove(MatchProfile p) {
    int fy = fineIndex(p.lat);
    int fx = fineIndex(p.lon);
    long coarseKey = key(Math.floorDiv(fy, FINE_PER_COARSE), Math.floorDiv(fx, FINE_PER_COARSE));
    Coarse c = coarse.get(coarseKey);
    if (c == null) {
      return;
    }
    long fineKey = key(fy, fx);
    Fine f = c.fines.get(fineKey);
    if (f == null) {
      return;
    }
    f.entries.remove(p);
    if (f.entries.isEmpty()) {
      c.fines.remove(fineKey);
      if (c.fines.isEmpty()) {
        coarse.remove(coarseKey);
      }
    }
  }

  Collection<Coarse> coarseCells() {
    return coarse.values();
  }

  boolean isEmpty() {
    return coarse.isEmpty();
  }

  private static int fineIndex(double degrees) {
    return (int) Math.floor(degrees / FINE_DEGREES);
  }

  private static long key(int y, int x) {
    return ((long) y << 32) | (x & 0xffffffffL);
  }
}
