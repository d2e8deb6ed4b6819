package org.aidbridge.bot.store;

import java.util.ArrayList;
import java.util.List;

/**
 * A grid of one-degree cells over the Earth, so "listings near here" is an index lookup of a few
 * cells instead of a distance computation for every listing. A cell number is {@code (floor(lat) +
 * 90) * 360 + floor(lon) + 180}; the migration that fills the column computes the same in SQL.
 */
final class GeoCells {
  private static final double KM_PER_DEGREE = 111.2;

  private GeoCells() {}

  static int of(double lat, double lon) {
    return row(lat) * 360 + column(lon);
  }

  /** Every cell that holds a point within {@code radiusKm} of the center (and a few more). */
  static List<Integer> around(double lat, double lon, double radiusKm) {
    double latDelta = radiusKm / KM_PER_DEGREE;
    double widest = Math.max(Math.abs(lat) + latDelta, 0);
    double cos = Math.cos(Math.toRadians(Math.min(widest, 89.9)));
    double lonDelta = Math.min(180, radiusKm / (KM_PER_DEGREE * cos));
    int firstRow = row(Math.max(-90, lat - latDelta));
    int lastRow = row(Math.min(90, lat + latDelta));
    int columns = lonDelta >= 180 ? 360 : (int) Math.ceil(2 * lonDelta) + 2;
    int firstColumn = lonDelta >= 180 ? 0 : column(lon - lonDelta);
    List<Integer> cells = new ArrayList<>();
    for (int r = firstRow; r <= lastRow; r++) {
      for (int c = 0; c < columns; c++) {
        cells.add(r * 360 + Math.floorMod(firstColumn + c, 360));
      }
    }
    return cells;
  }

  private static int row(double lat) {
    return (int) Math.floor(Math.min(lat, 89.999) + 90);
  }

  private static int column(double lon) {
    return Math.floorMod((int) Math.floor(lon + 180), 360);
  }
}
