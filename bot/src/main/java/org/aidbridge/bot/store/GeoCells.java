package org.aidbridge.bot.store;

/**
 * A grid of one-degree cells over the Earth: each category row of a listing carries its cell
 * ({@code listing_categories.cell}), kept for an index of listings by area should a query need one
 * again (matching reads the in-memory MatchIndex, not this column; step V23 dropped its index). A
 * cell number is {@code (floor(lat) + 90) * 360 + floor(lon) + 180}; the migration that fills the
 * column computes the same in SQL.
 */
final class GeoCells {
  private GeoCells() {}

  static int of(double lat, double lon) {
    return row(lat) * 360 + column(lon);
  }

  private static int row(double lat) {
    return (int) Math.floor(Math.min(lat, 89.999) + 90);
  }

  private static int column(double lon) {
    return Math.floorMod((int) Math.floor(lon + 180), 360);
  }
}
