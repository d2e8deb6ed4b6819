package org.aidbridge.bot.model;

import java.util.Objects;
import java.util.Set;

/**
 * A group chat (or an email list) that wants to hear of listings and matches in an area.
 *
 * @param group the group
 * @param center the middle of the area (resolved)
 * @param radiusKm how far from the center
 * @param categories the categories it wants; empty means all
 * @param language the language to write to it in
 */
public record Subscription(
    Address group, Place center, double radiusKm, Set<Category> categories, String language) {

  public Subscription {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(center, "center");
    categories = Set.copyOf(categories);
  }

  /** Whether a listing falls in this subscription's area and categories. */
  public boolean covers(Listing listing) {
    boolean categoryFits =
        categories.isEmpty() || listing.categories().stream().anyMatch(categories::contains);
    Place place = listing.place();
    if (!categoryFits || place == null || !place.resolved() || !center.resolved()) {
      return false;
    }
    // Every new listing is held against every subscription: most are in other towns.
    if (GeoMath.surelyFartherThan(center.lat(), place.lat(), radiusKm)) {
      return false;
    }
    return center.distanceKm(place) <= radiusKm;
  }
}
