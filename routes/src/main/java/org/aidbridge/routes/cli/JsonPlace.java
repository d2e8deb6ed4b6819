package org.aidbridge.routes.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.aidbridge.bot.model.Place;

/** A place as {@code parse} prints it: the text as written, plus the gazetteer entry when known. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonPlace(String text, String name, String country, Double lat, Double lon) {

  /** Null in, null out: an unknown place is printed as {@code null}. */
  public static JsonPlace from(Place place) {
    if (place == null) {
      return null;
    }
    return new JsonPlace(place.text(), place.name(), place.country(), place.lat(), place.lon());
  }
}
