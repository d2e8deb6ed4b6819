package org.aidbridge.bot.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Whether a subscription covers a listing is decided by the exact distance; the latitude check that
 * leaves most far places out first never changes an answer, right at the edge of the area too.
 */
class SubscriptionCoversTest {
  private static final Address GROUP = Address.group(Channel.TELEGRAM, "-100222");
  private static final Address ANA = Address.person(Channel.TELEGRAM, "4455");
  private static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

  @Test
  void theLatitudeCheckNeverSaysFartherOfTwoPlacesWithinTheDistance() {
    SplittableRandom random = new SplittableRandom(12);
    for (int i = 0; i < 200_000; i++) {
      double lat1 = random.nextDouble(-90, 90);
      double lat2 = nearOrAnywhere(random, lat1, 90);
      double lon1 = random.nextDouble(-180, 180);
      double lon2 = nearOrAnywhere(random, lon1, 180);
      double exact = GeoMath.haversineKm(lat1, lon1, lat2, lon2);

      assertThat(GeoMath.surelyFartherThan(lat1, lat2, exact)).isFalse();
      assertThat(GeoMath.surelyFartherThan(lat1, lat2, Math.nextUp(exact))).isFalse();
    }
  }

  @Test
  void aPlaceDueNorthJustPastTheRadiusIsLeftOutAndOneJustInsideIsIn() {
    Place center = new Place("Portland", "Portland", "US", 45.5152, -122.6784);
    Subscription subscription = new Subscription(GROUP, center, 25, Set.of(), "en");
    double edge = 45.5152 + Math.toDegrees(25 / 6371.0088);

    assertThat(subscription.covers(listingAt(edge - 1e-7, -122.6784))).isTrue();
    assertThat(subscription.covers(listingAt(edge + 1e-7, -122.6784))).isFalse();
    assertThat(subscription.covers(listingAt(45.5152, -122.6784 + 1))).isFalse(); // 78 km east
  }

  @Test
  void coversAsTheExactDistanceSaysForRandomPlacesAndAreas() {
    SplittableRandom random = new SplittableRandom(34);
    for (int i = 0; i < 50_000; i++) {
      double lat = random.nextDouble(-80, 80);
      double lon = random.nextDouble(-180, 180);
      Place center = new Place("c", "c", "XX", lat, lon);
      double radius = random.nextDouble(1, 500);
      Subscription subscription = new Subscription(GROUP, center, radius, Set.of(), "en");
      Listing listing =
          listingAt(nearOrAnywhere(random, lat, 90), nearOrAnywhere(random, lon, 180));

      double km = center.distanceKm(listing.place());
      assertThat(subscription.covers(listing)).isEqualTo(km >= 0 && km <= radius);
    }
  }

  /** Half the time within a few degrees of {@code near}, else anywhere in [-limit, limit]. */
  private static double nearOrAnywhere(SplittableRandom random, double near, double limit) {
    double value =
        random.nextBoolean() ? near + random.nextDouble(-4, 4) : random.nextDouble(-limit, limit);
    return Math.max(-limit, Math.min(limit, value));
  }

  private static Listing listingAt(double lat, double lon) {
    return new Listing(
        1,
        "A-1",
        Kind.NEED,
        Set.of(Category.FOOD),
        List.of(),
        "need food",
        new Place("here", "here", "XX", lat, lon),
        Urgency.NORMAL,
        T,
        T.plusSeconds(86_400),
        Status.OPEN,
        ANA,
        "en",
        null);
  }
}
