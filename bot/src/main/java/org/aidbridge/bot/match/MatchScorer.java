package org.aidbridge.bot.match;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Shipping;
import org.aidbridge.bot.model.Urgency;

/**
 * Decides whether a need and an offer fit, and how well.
 *
 * <p>They fit when they share a category (other than {@link Category#OTHER}) or an item, and their
 * places are compatible: both known and within the distance limit, or at least one unknown (which
 * fits but ranks lower), or the offer is something that travels (money, legal or remote help).
 * Nearer, more specific, more urgent and fresher ranks higher.
 */
public final class MatchScorer {
  private static final double CATEGORY_POINTS = 10;
  private static final double ITEM_POINTS = 6;
  private static final double NEAR_POINTS = 20;
  private static final double UNKNOWN_PLACE_POINTS = 4;
  private static final double TRAVELS_POINTS = 8;
  private static final double URGENT_POINTS = 5;
  private static final double POINTS_LOST_PER_DAY = 0.5;
  private static final double WAITING_POINTS_PER_DAY = 0.5;
  private static final double MAX_WAITING_POINTS = 5;

  private final double maxDistanceKm;

  public MatchScorer(double maxDistanceKm) {
    this.maxDistanceKm = maxDistanceKm;
  }

  /** How far apart known places may be, unless what is offered travels. */
  public double maxDistanceKm() {
    return maxDistanceKm;
  }

  /** A score and its reasons. */
  public record Scored(double score, List<String> reasons) {}

  public Optional<Scored> score(Listing need, Listing offer, Instant now) {
    List<String> reasons = new ArrayList<>();
    double score = 0;
    Set<Category> shared = sharedCategories(need, offer);
    Set<String> items = sharedItems(need, offer);
    if (shared.isEmpty() && items.isEmpty()) {
      return Optional.empty();
    }
    for (Category c : shared) {
      reasons.add("category:" + c.id());
      score += CATEGORY_POINTS;
    }
    for (String item : items) {
      reasons.add("item:" + item);
      score += ITEM_POINTS;
    }
    Optional<Double> placePoints = placePoints(need, offer, shared, reasons);
    if (placePoints.isEmpty()) {
      return Optional.empty();
    }
    score += placePoints.get();
    if (need.urgency() == Urgency.HIGH) {
      reasons.add("urgent");
      score += URGENT_POINTS;
    }
    // An old offer may be gone already; a need that has waited long deserves to come first.
    score -= POINTS_LOST_PER_DAY * daysSince(offer.createdAt(), now);
    score +=
        Math.min(MAX_WAITING_POINTS, WAITING_POINTS_PER_DAY * daysSince(need.createdAt(), now));
    return Optional.of(new Scored(Math.round(score * 100) / 100.0, reasons));
  }

  private Optional<Double> placePoints(
      Listing need, Listing offer, Set<Category> shared, List<String> reasons) {
    double km = need.place() == null ? -1 : need.place().distanceKm(offer.place());
    boolean travels =
        !shared.isEmpty() && shared.stream().allMatch(Category::travels) || Shipping.offered(offer);
    if (travels) {
      reasons.add("travels");
      return Optional.of(TRAVELS_POINTS + (km >= 0 ? nearness(km) / 2 : 0));
    }
    if (km < 0) {
      reasons.add("place-unknown");
      return Optional.of(UNKNOWN_PLACE_POINTS);
    }
    if (km > maxDistanceKm) {
      return Optional.empty();
    }
    reasons.add("distance-km:" + Math.round(km));
    return Optional.of(nearness(km));
  }

  /** Full points next door, none at the distance limit. */
  private double nearness(double km) {
    return NEAR_POINTS * Math.max(0, 1 - km / maxDistanceKm);
  }

  private static Set<Category> sharedCategories(Listing need, Listing offer) {
    Set<Category> shared = new TreeSet<>(need.categories());
    shared.retainAll(offer.categories());
    shared.remove(Category.OTHER);
    return shared;
  }

  /** Items both name, compared across languages by their canonical names. */
  private static Set<String> sharedItems(Listing need, Listing offer) {
    ItemSynonyms synonyms = ItemSynonyms.shared();
    Set<String> shared =
        new TreeSet<>(need.items().stream().map(i -> synonyms.canonical(i.name())).toList());
    shared.retainAll(offer.items().stream().map(i -> synonyms.canonical(i.name())).toList());
    return shared;
  }

  private static double daysSince(Instant then, Instant now) {
    return Math.max(0, Duration.between(then, now).toMinutes() / (24.0 * 60));
  }
}
