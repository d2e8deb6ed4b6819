package org.aidbridge.bot.place;

import java.util.Optional;
import org.aidbridge.bot.model.Place;

/**
 * Finds where a message is about: "in Portland", "Flint MI", "en Ciudad Juárez", "شیراز". A place
 * mentioned but not in the gazetteer comes back unresolved (text only).
 */
public interface PlaceFinder {

  /** Finds the place a message mentions, preferring {@code homeCountry} (alpha-2, or null). */
  Optional<Place> findIn(String text, String language, String homeCountry);

  /** Resolves a place name typed on its own, as in {@code /subscribe Oakland 30}. */
  Optional<Place> resolve(String name, String homeCountry);

  /** A finder that knows no places. */
  PlaceFinder NONE =
      new PlaceFinder() {
        @Override
        public Optional<Place> findIn(String text, String language, String homeCountry) {
          return Optional.empty();
        }

        @Override
        public Optional<Place> resolve(String name, String homeCountry) {
          return Optional.empty();
        }
      };
}
