package org.aidbridge.bot.model;

/** Distances on the Earth's surface. */
public final class GeoMath {
  /** The mean radius every distance here is worked out with, and every bound on one. */
  public static final double EARTH_RADIUS_KM = 6371.0088;

  private GeoMath() {}

  /**
   * Whether two places are surely more than {@code km} apart by their latitudes alone: no path
   * between them is shorter than the arc of a meridian between their latitudes. It lets a caller
   * leave out the exact distance (whose arcsine costs many times this) for most far places; the
   * margin keeps rounding from ever deciding.
   */
  public static boolean surelyFartherThan(double lat1, double lat2, double km) {
    return Math.toRadians(Math.abs(lat2 - lat1)) * EARTH_RADIUS_KM > km * (1 + 1e-9) + 1e-6;
  }

  public static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLon / 2)
                * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
