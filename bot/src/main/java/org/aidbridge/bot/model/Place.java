package org.aidbridge.bot.model;

import java.util.Objects;

/**
 * A place as written in a message, plus the gazetteer entry it was resolved to when known.
 *
 * @param text the words the person wrote, e.g. "Flint MI"
 * @param name the resolved place's name, or null when unresolved
 * @param country ISO 3166-1 alpha-2 code, or null
 * @param lat latitude in degrees, or null
 * @param lon longitude in degrees, or null
 */
public record Place(String text, String name, String country, Double lat, Double lon) {

  public Place {
    Objects.requireNonNull(text, "text");
  }

  public static Place unresolved(String text) {
    return new Place(text, null, null, null, null);
  }

  public boolean resolved() {
    return lat != null && lon != null;
  }

  /** Great-circle distance in km, or -1 when either place is unresolved. */
  public double distanceKm(Place other) {
    if (!resolved() || other == null || !other.resolved()) {
      return -1;
    }
    return GeoMath.haversineKm(lat, lon, other.lat, other.lon);
  }

  /** What to show people: the resolved name with its country, else the text as written. */
  public String display() {
    return name == null ? text : (country == null ? name : name + ", " + country);
  }
}
