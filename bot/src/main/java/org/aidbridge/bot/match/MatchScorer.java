package org.aidbridge.bot.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Kind;

/**
 * Decides whether a need and an offer fit, and how well.
 *
 * <p>They fit when they share a category (other than {@link Category#OTHER}) or an item, and their
 * places are compatible: both known and within the distance limit, or at least one unknown (which
 * fits but ranks lower), or the offer is something that travels (money, legal or remote help).
 * Nearer, more specific, more urgent and fresher ranks higher, and so do a need and an offer that
 * say the same things ({@link TextRelevance}).
 *
 * <p>The score is a sum of parts that depend on the pair (shared categories, items and words;
 * places) and parts that depend on one side only ({@link #ownPoints}): the {@link MatchIndex}
 * bounds each part to rank candidates best first without scoring them all.
 */
public final class MatchScorer {
  static final double CATEGORY_POINTS = 10;
  static final double ITEM_POINTS = 6;
  static final double TEXT_POINTS = 4;
  private static final double NEAR_POINTS = 20;
  private static final double UNKNOWN_PLACE_POINTS = 4;
  private static final double TRAVELS_POINTS = 8;
  private static final double URGENT_POINTS = 5;
  private static final double POINTS_LOST_PER_DAY = 0.5;
  private static final double WAITING_POINTS_PER_DAY = 0.5;
  private static final double MAX_WAITING_POINTS = 5;

  /** The most {@link #ownPoints} gives a need; an offer gets at most 0. */
  static final double MAX_NEED_OWN_POINTS = URGENT_POINTS + MAX_WAITING_POINTS;

  private static final double MILLIS_PER_DAY = 24.0 * 60 * 60 * 1000;
  private static final Category[] CATEGORIES = Category.values();

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

  /** The score of a pair with its reasons, or empty when they do not fit. */
  Optional<Scored> score(MatchProfile need, MatchProfile offer, long now, TextRelevance text) {
    List<String> reasons = new ArrayList<>();
    double score = score(need, offer, now, text, reasons);
    return Double.isNaN(score) ? Optional.empty() : Optional.of(new Scored(score, reasons));
  }

  /**
   * The score of a pair, rounded to the hundredth, or NaN when they do not fit; the reasons are
   * added to {@code reasons} when it is not null (building them costs more than the score).
   */
  double score(
      MatchProfile need, MatchProfile offer, long now, TextRelevance text, List<String> reasons) {
    int shared = need.categories & offer.categories & ~(1 << Category.OTHER.ordinal());
    int items = sharedItems(need, offer, reasons == null ? null : new ArrayList<>(2));
    if (shared == 0 && items == 0) {
      return Double.NaN;
    }
    double place = placePoints(need, offer, shared, reasons);
    if (Double.isNaN(place)) {
      return Double.NaN;
    }
    double relevance = text.relevance(need.terms, offer.terms);
    double score =
        CATEGORY_POINTS * Integer.bitCount(shared)
            + ITEM_POINTS * items
            + TEXT_POINTS * relevance
            + place
            + ownPoints(need, now)
            + ownPoints(offer, now);
    if (reasons != null) {
      explain(need, offer, shared, relevance, reasons);
    }
    return Math.round(score * 100) / 100.0;
  }

  /** Categories, items and words first, then the place (already added), then urgency. */
  private static void explain(
      MatchProfile need, MatchProfile offer, int shared, double relevance, List<String> reasons) {
    List<String> first = new ArrayList<>();
    for (Category c : CATEGORIES) {
      if ((shared & (1 << c.ordinal())) != 0) {
        first.add("category:" + c.id());
      }
    }
    List<String> items = new ArrayList<>();
    sharedItems(need, offer, items);
    items.forEach(item -> first.add("item:" + item));
    if (relevance > 0) {
      first.add("text:" + hundredths(TEXT_POINTS * relevance));
    }
    reasons.addAll(0, first);
    if (need.urgent) {
      reasons.add("urgent");
    }
  }

  /**
   * {@code value} with two decimals, as {@code String.format(Locale.ROOT, "%.2f", value)} writes it
   * (its shortest decimal digits rounded half up), without a formatter parsed per call.
   */
  static String hundredths(double value) {
    return java.math.BigDecimal.valueOf(value)
        .setScale(2, java.math.RoundingMode.HALF_UP)
        .toPlainString();
  }

  /**
   * What one side brings whatever the other: a need that is urgent or has waited long deserves to
   * come first; an old offer may be gone already.
   */
  static double ownPoints(MatchProfile listing, long now) {
    return ownPoints(listing.kind, listing.urgent, listing.createdAt, now);
  }

  /** {@link #ownPoints(MatchProfile, long)} from what it depends on. */
  static double ownPoints(Kind kind, boolean urgent, long createdAt, long now) {
    if (kind == Kind.OFFER) {
      return -POINTS_LOST_PER_DAY * daysSince(createdAt, now);
    }
    return (urgent ? URGENT_POINTS : 0)
        + Math.min(MAX_WAITING_POINTS, WAITING_POINTS_PER_DAY * daysSince(createdAt, now));
  }

  /**
   * The most the places of a pair can give when they are at least {@code lowerBoundKm} apart
   * (negative: a place is unknown), if the pair may travel or if it may not.
   */
  double placeBound(double lowerBoundKm, boolean mayTravel) {
    if (lowerBoundKm < 0) {
      return mayTravel ? Math.max(TRAVELS_POINTS, UNKNOWN_PLACE_POINTS) : UNKNOWN_PLACE_POINTS;
    }
    double near = nearness(lowerBoundKm);
    return mayTravel ? Math.max(TRAVELS_POINTS + near / 2, near) : near;
  }

  /** Points for the places, or NaN when they are too far apart. */
  private double placePoints(MatchProfile need, MatchProfile offer, int shared, List<String> out) {
    return placePoints(need, offer, shared, out == null ? NO_REASONS : out::add);
  }

  private static final java.util.function.Consumer<String> NO_REASONS = reason -> {};

  private double placePoints(
      MatchProfile need, MatchProfile offer, int shared, java.util.function.Consumer<String> out) {
    double km =
        need.located() && offer.located()
            ? org.aidbridge.bot.model.GeoMath.haversineKm(need.lat, need.lon, offer.lat, offer.lon)
            : -1;
    if (shared != 0 && allTravel(shared) || offer.ships) {
      out.accept("travels");
      return TRAVELS_POINTS + (km >= 0 ? nearness(km) / 2 : 0);
    }
    if (km < 0) {
      out.accept("place-unknown");
      return UNKNOWN_PLACE_POINTS;
    }
    if (km > maxDistanceKm) {
      return Double.NaN;
    }
    out.accept("distance-km:" + Math.round(km));
    return nearness(km);
  }

  private static boolean allTravel(int categories) {
    for (Category c : CATEGORIES) {
      if ((categories & (1 << c.ordinal())) != 0 && !c.travels()) {
        return false;
      }
    }
    return true;
  }

  /** Full points next door, none at the distance limit. */
  private double nearness(double km) {
    return NEAR_POINTS * Math.max(0, 1 - km / maxDistanceKm);
  }

  /**
   * How many items both name, compared across languages by their canonical names; adds them in
   * order to {@code names} when it is not null.
   */
  private static int sharedItems(MatchProfile need, MatchProfile offer, List<String> names) {
    int count = 0;
    int i = 0;
    int j = 0;
    while (i < need.items.length && j < offer.items.length) {
      int c = need.items[i].compareTo(offer.items[j]);
      if (c == 0) {
        if (names != null) {
          names.add(need.items[i]);
        }
        count++;
        i++;
        j++;
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    return count;
  }

  private static double daysSince(long then, long now) {
    long minutes = (now - then) / 60_000;
    return Math.max(0, minutes * 60_000 / MILLIS_PER_DAY);
  }
}
