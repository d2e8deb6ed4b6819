package org.aidbridge.bot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aidbridge.bot.model.Place;

/**
 * How far an unmet need is carried, and when: after {@code after} without a match it is announced
 * to subscribed groups whose center lies within {@code radiusKm} of it, or anywhere in its country
 * when {@code wholeCountry}.
 *
 * @param radiusKm the ring's reach in km; ignored for the whole country
 * @param wholeCountry whether the ring is the need's whole country
 * @param after how long the need must have been unmet
 */
public record EscalationRing(double radiusKm, boolean wholeCountry, Duration after) {
  private static final Pattern ONE =
      Pattern.compile(
          "(?i)\\s*(?:(\\d+(?:\\.\\d+)?)\\s*km|(country))\\s*@\\s*(\\d+)\\s*([hd])\\s*");

  public EscalationRing {
    Objects.requireNonNull(after, "after");
    if (after.isNegative()) {
      throw new IllegalArgumentException("a ring's delay cannot be negative");
    }
    if (!wholeCountry && !(radiusKm > 0)) {
      throw new IllegalArgumentException("a ring's radius must be a positive number of km");
    }
  }

  public static EscalationRing km(double radiusKm, Duration after) {
    return new EscalationRing(radiusKm, false, after);
  }

  public static EscalationRing country(Duration after) {
    return new EscalationRing(0, true, after);
  }

  /**
   * The delay for a need that travels: half of {@link #after}, rounded down to the nanosecond, as
   * {@code after().dividedBy(2)} gives it. Computed from the seconds and nanoseconds instead, since
   * {@link Duration#dividedBy(long)} divides a {@code BigDecimal}: housekeeping asks for every open
   * need and ring each minute, and the optimising compiler's work on the code that inlines that
   * division took 20 MB or more at the memory's peak (BENCHMARKS.md).
   */
  public Duration travellingAfter() {
    long seconds = after.getSeconds();
    return Duration.ofSeconds(seconds / 2, (seconds % 2) * 500_000_000L + after.getNano() / 2);
  }

  /** Whether a group centered at {@code center} is inside this ring around {@code need}. */
  public boolean reaches(Place need, Place center) {
    if (wholeCountry) {
      return need.country() != null && need.country().equalsIgnoreCase(center.country());
    }
    double km = need.distanceKm(center);
    return km >= 0 && km <= radiusKm;
  }

  /** Whether this ring holds everything {@code inner} holds (the rings must grow outward). */
  boolean contains(EscalationRing inner) {
    return wholeCountry || (!inner.wholeCountry && inner.radiusKm <= radiusKm);
  }

  /**
   * Parses {@code 25km@0h,150km@24h,country@72h} (delays in hours {@code h} or days {@code d}).
   * Rings must grow outward and not come sooner than the ring inside them.
   *
   * @throws IllegalArgumentException naming the ring that is wrong
   */
  public static List<EscalationRing> parseAll(String spec) {
    List<EscalationRing> rings = new ArrayList<>();
    if (spec == null || spec.isBlank()) {
      return rings;
    }
    String[] parts = spec.split(",");
    for (int i = 0; i < parts.length; i++) {
      Matcher m = ONE.matcher(parts[i]);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "ring " + (i + 1) + " is not <km>km@<hours>h or country@<hours>h: '" + parts[i] + "'");
      }
      long amount = Long.parseLong(m.group(3));
      Duration after =
          m.group(4).toLowerCase(Locale.ROOT).equals("d")
              ? Duration.ofDays(amount)
              : Duration.ofHours(amount);
      EscalationRing ring =
          m.group(2) != null ? country(after) : km(Double.parseDouble(m.group(1)), after);
      if (!rings.isEmpty()) {
        EscalationRing previous = rings.get(rings.size() - 1);
        if (!ring.contains(previous) || previous.wholeCountry) {
          throw new IllegalArgumentException(
              "ring " + (i + 1) + " must reach farther than ring " + i);
        }
        if (ring.after.compareTo(previous.after) < 0) {
          throw new IllegalArgumentException("ring " + (i + 1) + " must not come before ring " + i);
        }
      }
      rings.add(ring);
    }
    return rings;
  }

  /** The ring as configured, e.g. {@code 150km@24h}. */
  public String spec() {
    return (wholeCountry ? "country" : stripZeros(radiusKm) + "km") + "@" + after.toHours() + "h";
  }

  private static String stripZeros(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
