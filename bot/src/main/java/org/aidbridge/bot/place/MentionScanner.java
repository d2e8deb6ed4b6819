package org.aidbridge.bot.place;

import java.util.List;
import java.util.Set;
import org.aidbridge.bot.place.PlaceLexicon.Cue;
import org.aidbridge.bot.place.Span.Hint;

/**
 * Walks the words of a message looking for place names: at each word, the longest run of up to
 * {@link #MAX_NAME_WORDS} words that spells a gazetteer name and that {@link PlaceChooser} accepts.
 * A capitalised unknown name after an area cue ("in Xyzzyville") is kept as an unresolved mention.
 * Of all mentions, a resolved one beats an unresolved one, then a hinted one beats one after a cue,
 * which beats a bare one; the earliest wins a tie.
 */
final class MentionScanner {
  static final int MAX_NAME_WORDS = 5;
  private static final int MAX_HINT_WORDS = 3;
  private static final int MAX_UNRESOLVED_WORDS = 4;

  /**
   * A place found in a message.
   *
   * @param first index of the first word
   * @param last index after the last word, hint included
   * @param place the place in {@link PlaceTable}, or -1 when unresolved
   * @param strength 3 hinted, 2 after a cue, 1 bare, 0 unresolved
   */
  record Mention(int first, int last, int place, int strength) {
    boolean beats(Mention other) {
      return other == null || strength > other.strength;
    }
  }

  private final PlaceTable places;
  private final RegionNames regions;
  private final PlaceLexicon lexicon;
  private final PlaceChooser chooser;

  MentionScanner(PlaceTable places, RegionNames regions, PlaceLexicon lexicon) {
    this.places = places;
    this.regions = regions;
    this.lexicon = lexicon;
    this.chooser = new PlaceChooser(places, regions);
  }

  /** The best mention in a message, or null. */
  Mention scan(List<Token> tokens, Preferred home) {
    Mention best = null;
    int i = 0;
    while (i < tokens.size()) {
      Mention found = at(tokens, i, lexicon.cueBefore(tokens, i), home, false);
      if (found == null) {
        i++;
        continue;
      }
      if (found.beats(best)) {
        best = found;
      }
      i = found.last();
    }
    return best;
  }

  /** A name typed on its own, read from its first word; null when it does not start with one. */
  Mention scanTyped(List<Token> tokens, Preferred home) {
    return tokens.isEmpty() ? null : at(tokens, 0, Cue.AREA, home, true);
  }

  private Mention at(List<Token> tokens, int start, Cue cue, Preferred home, boolean typed) {
    long[] names = nameHashes(tokens, start);
    for (int n = names.length - 1; n >= 1; n--) {
      if (!places.contains(names[n])) {
        continue;
      }
      String key = key(tokens, start, n);
      Span span = Span.of(tokens, start, start + n, key, cue, lexicon, regions, typed);
      Hint hint = hintAfter(tokens, start + n, typed);
      int place = chooser.choose(places.lookup(names[n]), span, hint, home);
      if (place >= 0) {
        boolean hinted = hint.present() && matches(place, hint);
        int strength = hinted ? 3 : cue != Cue.NONE ? 2 : 1;
        return new Mention(start, hinted ? hint.end() : start + n, place, strength);
      }
    }
    if (cue != Cue.NONE && tokens.get(start).arabicScript()) {
      Mention transliterated = bySkeleton(tokens, start, names.length - 1, cue, home, typed);
      if (transliterated != null) {
        return transliterated;
      }
    }
    return cue == Cue.AREA ? unresolvedAt(tokens, start) : null;
  }

  /**
   * The {@link NameHash} of the name made of the first n words from {@code start}, at index n, for
   * as many words (up to {@link #MAX_NAME_WORDS}) as run on without a break ("St. Louis" runs on,
   * "Portland. Need" does not). Hashed word by word, with no string built: most runs name nothing.
   */
  private static long[] nameHashes(List<Token> tokens, int start) {
    int longest = Math.min(MAX_NAME_WORDS, tokens.size() - start);
    int n = 1;
    while (n < longest && tokens.get(start + n).joinsPrevious()) {
      n++;
    }
    long[] names = new long[n + 1];
    long state = NameHash.feed(NameHash.START, tokens.get(start).key());
    names[1] = NameHash.finish(state);
    for (int i = 2; i <= n; i++) {
      state = NameHash.feed(NameHash.step(state, ' '), tokens.get(start + i - 1).key());
      names[i] = NameHash.finish(state);
    }
    return names;
  }

  /** The normalised name made of {@code words} words from {@code start}. */
  private static String key(List<Token> tokens, int start, int words) {
    if (words == 1) {
      return tokens.get(start).key();
    }
    StringBuilder key = new StringBuilder(tokens.get(start).key());
    for (int i = start + 1; i < start + words; i++) {
      key.append(' ').append(tokens.get(i).key());
    }
    return key.toString();
  }

  /**
   * A Persian-script name no alternate name matches, found through the consonant skeleton of the
   * Latin names GeoNames has ("ورامین" as Varamin): only after a cue ("در", "به"), never for a
   * common word, and as an alternate name, so only for a town of some size.
   */
  private Mention bySkeleton(
      List<Token> tokens, int start, int words, Cue cue, Preferred home, boolean typed) {
    for (int n = words; n >= 1; n--) {
      String key = key(tokens, start, n);
      if (n == 1 && lexicon.isCommon(key)) {
        continue;
      }
      String skeleton = Skeletons.persian(key);
      if (skeleton.replace(" ", "").length() < 3) {
        continue;
      }
      int[] entries = places.lookupSkeleton(skeleton);
      if (entries.length == 0) {
        continue;
      }
      Span span = Span.of(tokens, start, start + n, key, cue, lexicon, regions, typed);
      int place = chooser.choose(entries, span, hintAfter(tokens, start + n, typed), home);
      if (place >= 0) {
        return new Mention(start, start + n, place, 2);
      }
    }
    return null;
  }

  private boolean matches(int place, Hint hint) {
    return hint.admin1().contains(places.admin1(place))
        || places.country(place).equals(hint.country());
  }

  /**
   * "Indiana", "IN", "Oregon", "USA" or "México" right after a name. Abbreviations must be in
   * capitals in a sentence ("Marion IN", not "Marion in"), unless set off by commas ("springfield,
   * il."), and not in a typed name ("marion in").
   */
  private Hint hintAfter(List<Token> tokens, int at, boolean typed) {
    if (at >= tokens.size() || !tokens.get(at).hintGap()) {
      return Hint.none(at);
    }
    StringBuilder key = new StringBuilder();
    boolean capitals = true;
    Hint found = Hint.none(at);
    for (int n = 1; n <= MAX_HINT_WORDS && at + n <= tokens.size(); n++) {
      Token token = tokens.get(at + n - 1);
      if (n > 1 && !token.joinsPrevious()) {
        break;
      }
      key.append(n > 1 ? " " : "").append(token.key());
      capitals &= typed || token.allCaps() || isolatedAfterComma(tokens, at, at + n);
      Set<String> admin1 = regions.admin1For(key.toString(), capitals);
      String country = regions.countryFor(key.toString(), capitals);
      if (!admin1.isEmpty() || country != null) {
        found = new Hint(at + n, admin1, country);
      }
    }
    return found;
  }

  /** True when words [from, to) follow a comma and end the clause, as "il" in "springfield, il". */
  private static boolean isolatedAfterComma(List<Token> tokens, int from, int to) {
    String gap = tokens.get(from).gapBefore();
    boolean comma = gap.indexOf(',') >= 0 || gap.indexOf('،') >= 0;
    return comma && (to == tokens.size() || !tokens.get(to).followsClosely());
  }

  /**
   * The capitalised words after an area cue that the gazetteer does not know ("in Xyzzyville", "en
   * San Xyzzy"); common words count inside such a name but not at its end ("in January"). In Arabic
   * script, only one word.
   */
  private Mention unresolvedAt(List<Token> tokens, int start) {
    Token first = tokens.get(start);
    if (first.arabicScript()) {
      // No capitals to say where a Persian name ends: keep one word, and only an uncommon one.
      boolean name = looksLikeName(first) && !lexicon.isCommon(first.key());
      return name ? new Mention(start, start + 1, -1, 0) : null;
    }
    int end = start;
    int lastUncommon = -1;
    while (end < tokens.size()
        && end - start < MAX_UNRESOLVED_WORDS
        && (end == start || tokens.get(end).joinsPrevious())
        && looksLikeName(tokens.get(end))
        && !tokens.get(end).arabicScript()) {
      if (!lexicon.isCommon(tokens.get(end).key())) {
        lastUncommon = end;
      }
      end++;
    }
    return lastUncommon < 0 ? null : new Mention(start, lastUncommon + 1, -1, 0);
  }

  private static boolean looksLikeName(Token token) {
    boolean letters = !Character.isDigit(token.key().codePointAt(0));
    return letters && (token.capitalised() || token.arabicScript()) && token.key().length() >= 2;
  }
}
