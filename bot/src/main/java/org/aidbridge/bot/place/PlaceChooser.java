package org.aidbridge.bot.place;

import org.aidbridge.bot.place.Span.Hint;

/**
 * Decides whether words that spell a gazetteer name really mean a place, and which of the places
 * with that name. Words right after a cue ("in", "en", "در") are trusted; bare words must look like
 * a name (capitalised, or Arabic script), must not be a common word and must name a town big enough
 * that a person would say it without context. Among the places that remain, a state or country hint
 * decides first, then the home country, then the countries where the message's language is spoken,
 * then population.
 */
final class PlaceChooser {
  /** A bare one-word name must be at least this big to count ("Flint", "Shiraz"). */
  static final int BARE_WORD_POPULATION = 50_000;

  /** At the start of a sentence a capital says nothing, so the bar is higher. */
  static final int SENTENCE_START_POPULATION = 100_000;

  /** A bare name of several words ("Ciudad Juárez", "Salt Lake City") is rarely an accident. */
  static final int BARE_PHRASE_POPULATION = 10_000;

  /** A bare name of one or two letters must be a big city. */
  static final int SHORT_BARE_POPULATION = 500_000;

  /** Alternate names (old names, nicknames, foreign spellings) need a well-known place. */
  static final int BARE_ALTERNATE_POPULATION = 200_000;

  /** A lower-case name after a cue ("near oakland") must name a sizeable town. */
  static final int LOWER_CASE_CUE_POPULATION = 20_000;

  /**
   * The name of a state or country ("Indiana", "Puerto Rico") means a town of that name inside it,
   * or one this big elsewhere ("Washington"), never a small namesake such as Indiana, PA.
   */
  static final int REGION_NAME_POPULATION = 500_000;

  /**
   * A common word after a cue ("in Mobile", "to Reading") must name a town this big, so that "in
   * English" or "at Home" stay words.
   */
  static final int COMMON_WORD_POPULATION = 20_000;

  /** In the home country the bars above are this many times lower. */
  static final int HOME_FACTOR = 5;

  private final PlaceTable places;
  private final RegionNames regions;

  PlaceChooser(PlaceTable places, RegionNames regions) {
    this.places = places;
    this.regions = regions;
  }

  /**
   * The place meant by {@code span}, or -1 when none of {@code entries} fits.
   *
   * @param entries index entries for the span's key (see {@link PlaceTable})
   * @param hint what follows the span
   * @param home the home country and the countries of the message's language
   */
  int choose(int[] entries, Span span, Hint hint, Preferred home) {
    if (span.key().length() < 2 || (span.common() && !span.capitalised() && !span.typed())) {
      return -1;
    }
    if (span.common() && span.continued() && !hint.present()) {
      return -1; // "San" of "en San Xyzzy" is the start of a longer name, not San in Mali
    }
    if (hint.present()) {
      int hinted = best(entries, span, hint, home, true);
      if (hinted >= 0) {
        return hinted;
      }
    }
    return best(entries, span, hint, home, false);
  }

  private int best(int[] entries, Span span, Hint hint, Preferred home, boolean byHint) {
    int best = -1;
    for (int entry : entries) {
      int place = entry >>> 1;
      boolean fits =
          byHint
              ? matches(place, hint)
              : accepts(place, (entry & 1) == 1, span, isHome(place, home));
      if (fits && (best < 0 || better(place, best, home))) {
        best = place;
      }
    }
    return best;
  }

  private boolean matches(int place, Hint hint) {
    return hint.admin1().contains(places.admin1(place))
        || places.country(place).equals(hint.country());
  }

  private boolean accepts(int place, boolean alternate, Span span, boolean home) {
    if (span.typed()) {
      return true;
    }
    int population = places.population(place);
    int factor = home ? HOME_FACTOR : 1;
    if (span.region() && !insideRegion(place, span.key()) && population < REGION_NAME_POPULATION) {
      return false;
    }
    if (span.common()
        && !(span.capitalised()
            && span.hasCue()
            && population >= COMMON_WORD_POPULATION / factor)) {
      return false;
    }
    if (span.hasCue()) {
      if (span.arabicScript() || span.capitalised()) {
        return !alternate || population >= 5_000 / factor;
      }
      return population >= LOWER_CASE_CUE_POPULATION / factor;
    }
    if (span.afterPerson() || !(span.capitalised() || span.arabicScript())) {
      return false;
    }
    if (span.key().length() < 3 && !(span.arabicScript() && population >= SHORT_BARE_POPULATION)) {
      return false; // but "قم" (Qom) is a city of nearly a million
    }
    return population >= bareMinimum(alternate, span) / factor;
  }

  private boolean insideRegion(int place, String regionKey) {
    return regions.admin1For(regionKey, false).contains(places.admin1(place))
        || places.country(place).equals(regions.countryFor(regionKey, false));
  }

  private static int bareMinimum(boolean alternate, Span span) {
    if (alternate && !span.arabicScript()) {
      return BARE_ALTERNATE_POPULATION;
    }
    if (span.words() > 1) {
      return BARE_PHRASE_POPULATION;
    }
    return span.sentenceStart() && !span.arabicScript()
        ? SENTENCE_START_POPULATION
        : BARE_WORD_POPULATION;
  }

  private boolean better(int candidate, int current, Preferred home) {
    boolean candidateHome = isHome(candidate, home);
    if (candidateHome != isHome(current, home)) {
      return candidateHome;
    }
    boolean candidateSpoken = home.isSpoken(places.country(candidate));
    if (candidateSpoken != home.isSpoken(places.country(current))) {
      return candidateSpoken;
    }
    int byPopulation = Integer.compare(places.population(candidate), places.population(current));
    return byPopulation != 0 ? byPopulation > 0 : candidate < current;
  }

  private boolean isHome(int place, Preferred home) {
    return home.isHome(places.country(place));
  }
}
