package org.aidbridge.bot.place;

import java.util.Map;
import java.util.Set;

/**
 * Which of several places with one name a message most likely means, besides size: first one in the
 * home country (the group's country, else {@code home.country}), then one where the message's
 * language is spoken, so that "San José" in a Spanish message is the one in Costa Rica, not the
 * bigger one in California, and "Córdoba" is never a village abroad.
 *
 * @param home ISO alpha-2 country, or null
 * @param spoken countries where the message's language is a main language, maybe empty
 */
record Preferred(String home, Set<String> spoken) {

  private static final Map<String, Set<String>> SPOKEN =
      Map.of(
          "en", Set.of("US", "GB", "CA", "AU", "NZ", "IE"),
          "es",
              Set.of(
                  "ES", "MX", "AR", "CO", "CL", "PE", "VE", "EC", "GT", "CU", "BO", "DO", "HN",
                  "PY", "SV", "NI", "CR", "PA", "UY", "PR", "GQ"),
          "fa", Set.of("IR", "AF", "TJ"));

  static final Preferred NONE = new Preferred(null, Set.of());

  static Preferred of(String home, String language) {
    return new Preferred(
        home, language == null ? Set.of() : SPOKEN.getOrDefault(language, Set.of()));
  }

  boolean isHome(String country) {
    return home != null && home.equals(country);
  }

  boolean isSpoken(String country) {
    return spoken.contains(country);
  }
}
