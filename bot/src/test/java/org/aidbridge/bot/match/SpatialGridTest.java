package org.aidbridge.bot.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.GeoMath;
import org.aidbridge.bot.model.Kind;
import org.junit.jupiter.api.Test;

/**
 * A cell's distance bound, worked out without trigonometry per cell, never exceeds the distance to
 * any point of the cell: were it to, the search would skip a cell holding a better pair. What a
 * cell keeps of its children (their bounds and categories, for the search to read without them) is
 * what the children say of themselves.
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

  @Test
  void whatACellKeepsOfEachChildIsWhatTheChildSays() {
    SplittableRandom random = new SplittableRandom(9);
    SpatialGrid grid = new SpatialGrid();
    List<MatchProfile> added = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      MatchProfile p = profile(i, random.nextDouble(-60, 60), random.nextDouble(-179, 179), random);
      grid.add(p);
      added.add(p);
      if (random.nextInt(4) == 0) {
        grid.remove(added.remove(random.nextInt(added.size())));
      }
    }
    int children = 0;
    for (SpatialGrid.Cell top : grid.topCells()) {
      children += checkChildren(top, random);
    }
    assertThat(children).isGreaterThan(1_000);
  }

  /** Checks a cell's children and theirs; how many it checked. */
  private static int checkChildren(SpatialGrid.Cell cell, SplittableRandom random) {
    if (cell.isLeaf()) {
      return 0;
    }
    int checked = 0;
    for (int slot = 0; slot < cell.children.length; slot++) {
      SpatialGrid.Cell child = cell.children[slot];
      if (child == null) {
        assertThat(cell.childCategories[slot]).isZero();
        continue;
      }
      double lat = random.nextDouble(-85, 85);
      double lon = random.nextDouble(-180, 180);
      double cosLat = Math.cos(Math.toRadians(lat));
      assertThat(cell.childLowerBoundKm(slot, lat, lon, cosLat))
          .isEqualTo(child.lowerBoundKm(lat, lon, cosLat));
      assertThat(cell.childCategories[slot]).isEqualTo(child.categories);
      assertThat(child.isLeaf()).isEqualTo(cell.childrenAreLeaves());
      checked += 1 + checkChildren(child, random);
    }
    return checked;
  }

  private static MatchProfile profile(long id, double lat, double lon, SplittableRandom random) {
    return new MatchProfile(
        id,
        Kind.OFFER,
        1 << random.nextInt(Category.values().length),
        new String[0],
        lat,
        lon,
        false,
        false,
        0,
        86_400_000L,
        "someone",
        new int[0]);
  }
}
