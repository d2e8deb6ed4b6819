package org.aidbridge.bot.place;

import java.util.List;
import java.util.Set;
import org.aidbridge.bot.place.PlaceLexicon.Cue;

/**
 * Words of a message that spell a gazetteer name, with what surrounds them.
 *
 * @param start index of the first word
 * @param end index after the last word
 * @param key the normalised name
 * @param cue the cue right before the words
 * @param capitalised written like a name: first and last word capitalised (Latin script)
 * @param arabicScript written in Arabic script, where capitals do not exist
 * @param sentenceStart the first word starts a sentence
 * @param afterPerson right after "thanks", "hola" and the like, where names are people
 * @param common a common word that only looks like a place name
 * @param region the name of a state, province or country rather than of a town
 * @param typed the name was typed on its own (a command argument), not found in a sentence
 * @param continued a capitalised word follows, as if the name went on ("Union Station")
 */
record Span(
    int start,
    int end,
    String key,
    Cue cue,
    boolean capitalised,
    boolean arabicScript,
    boolean sentenceStart,
    boolean afterPerson,
    boolean common,
    boolean region,
    boolean typed,
    boolean continued) {

  static Span of(
      List<Token> tokens,
      int start,
      int end,
      String key,
      Cue cue,
      PlaceLexicon lexicon,
      RegionNames regions,
      boolean typed) {
    Token first = tokens.get(start);
    Token last = tokens.get(end - 1);
    boolean afterPerson = start > 0 && lexicon.isPersonCue(tokens.get(start - 1).key());
    Token after = end < tokens.size() ? tokens.get(end) : null;
    boolean continued =
        after != null && after.joinsPrevious() && after.capitalised() && !after.allCaps();
    return new Span(
        start,
        end,
        key,
        cue,
        first.capitalised() && last.capitalised(),
        first.arabicScript(),
        first.startsSentence(),
        afterPerson,
        lexicon.isCommon(key),
        regions.isRegionName(key),
        typed,
        continued);
  }

  int words() {
    return end - start;
  }

  boolean hasCue() {
    return cue != Cue.NONE;
  }

  /** What a hint after the words says: admin1 keys ("US.IN") and a country (alpha-2). */
  record Hint(int end, Set<String> admin1, String country) {
    static Hint none(int at) {
      return new Hint(at, Set.of(), null);
    }

    boolean present() {
      return !admin1.isEmpty() || country != null;
    }
  }
}
