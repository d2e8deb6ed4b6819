package org.aidbridge.bot.place;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words around place names, read from {@code gazetteer/lexicon.tsv}: cues ("in", "en", "در"),
 * words that introduce a person rather than a place ("thanks", "hola"), and common words that
 * happen to be place names somewhere ("rice", "agua", "آب"). Languages are merged: a message in one
 * language often borrows words of another.
 */
final class PlaceLexicon {
  /** What a cue says about the name after it. */
  enum Cue {
    NONE,
    /** A gazetteer name may follow. */
    PLACE,
    /** Even a capitalised name that is not in the gazetteer is a place. */
    AREA
  }

  static final int MAX_CUE_WORDS = 5;

  private final Map<String, Cue> cues = new HashMap<>();
  // The last word of each cue: a word no cue ends with has no cue before it.
  private final Set<String> cueEnds = new HashSet<>();
  private final Set<String> personCues = new HashSet<>();
  private final Set<String> common = new HashSet<>();

  private PlaceLexicon() {}

  static PlaceLexicon read(InputStream tsv) {
    PlaceLexicon lexicon = new PlaceLexicon();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lexicon.add(line.split("\t", -1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the place lexicon", e);
    }
    return lexicon;
  }

  private void add(String[] cols) {
    if (cols.length < 3) {
      throw new IllegalStateException("bad lexicon line: " + String.join("\t", cols));
    }
    for (String phrase : cols[2].split("\\|")) {
      String key = NameNormalizer.normalize(phrase);
      if (key.isEmpty()) {
        continue;
      }
      switch (cols[0]) {
        case "area" -> addCue(key, Cue.AREA);
        case "cue" -> addCue(key, Cue.PLACE);
        case "person" -> personCues.add(key);
        case "common" -> common.add(key);
        default -> throw new IllegalStateException("unknown lexicon kind: " + cols[0]);
      }
    }
  }

  /** A phrase listed both as an area cue and as a plain cue is an area cue. */
  private void addCue(String key, Cue cue) {
    if (cue == Cue.AREA) {
      cues.put(key, cue);
    } else {
      cues.putIfAbsent(key, cue);
    }
    cueEnds.add(key.substring(key.lastIndexOf(' ') + 1));
  }

  /**
   * The strongest cue that ends right before token {@code at}, with nothing but spaces between the
   * cue and that token (so "in. Portland" has no cue).
   */
  Cue cueBefore(List<Token> tokens, int at) {
    Cue best = Cue.NONE;
    if (at == 0 || !tokens.get(at).followsClosely() || !endsCue(tokens.get(at - 1).key())) {
      return best;
    }
    StringBuilder phrase = new StringBuilder();
    for (int from = at - 1; from >= 0 && from >= at - MAX_CUE_WORDS; from--) {
      phrase.insert(
          0, phrase.length() == 0 ? tokens.get(from).key() : tokens.get(from).key() + " ");
      Cue cue = cues.getOrDefault(phrase.toString(), Cue.NONE);
      if (cue.ordinal() > best.ordinal()) {
        best = cue;
      }
      if (!tokens.get(from).followsClosely()) {
        break;
      }
    }
    return best;
  }

  private boolean endsCue(String key) {
    return cueEnds.contains(key.substring(key.lastIndexOf(' ') + 1));
  }

  boolean isPersonCue(String key) {
    return personCues.contains(key);
  }

  boolean isCommon(String key) {
    return common.contains(key);
  }
}
