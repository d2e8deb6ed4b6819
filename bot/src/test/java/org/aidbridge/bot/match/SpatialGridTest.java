package org.aidbridge.bot.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.aidbridge.bot.model.GeoMath;
import org.junit.jupiter.api.Test;

/**
 * A cell's distance bound, worked out without trigonometry per cell, never exceeds the distance to
 * any point of the cell: were it to, the search would skip a cell holding a better pair.
 */
class SpatialGridTest {
  @Test
  void noPointOfACellIsNearerThanItsBound() {
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 20_000; i++) {
      int level = random.nextInt(3);
      double size = new double[] {4, 1, 0.25}[level];
      int y = (int) Math.floor(random.nextDouble(-80, 80) / size);
      int x = (int) Math.floor(random.nextDouble(-180, 180) / size);
      SpatialGrid.Cell cell = new SpatialGrid.Cell(y, x, level);
      double lat = random.nextDouble(-85, 85);
      double lon = random.nextDouble(-180, 180);
      if (random.nextBoolean()) { // near the cell, where the bound decides most
        lat = Math.max(-89, Math.min(89, cell.south + random.nextDouble(-3, 3) * size));
        lon = cell.west + random.nextDouble(-3, 3) * size;
      }
      double bound = cell.lowerBoundKm(lat, lon, Math.cos(Math.toRadians(lat)));
      for (int k = 0; k < 20; k++) {
        double pLat = cell.south + random.nextDouble() * size;
        double pLon = cell.west + random.nextDouble() * size;
        assertThat(bound)
            .as("cell %s,%s at level %s from %s,%s", y, x, level, lat, lon)
            .isLessThanOrEqualTo(GeoMath.haversineKm(lat, lon, pLat, pLon));
      }
    }
  }
}
