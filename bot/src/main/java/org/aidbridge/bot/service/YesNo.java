package org.aidbridge.bot.service;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.aidbridge.bot.model.ListingRefs;

/**
 * A short yes or no, in any language the bot speaks, maybe followed by a listing reference: {@code
 * yes}, {@code sí N-7K2}, {@code بله}, {@code no O-X4P}. Anything longer is not an answer.
 *
 * @param yes whether it says yes
 * @param ref the reference after it (normalized), or null
 */
record YesNo(boolean yes, String ref) {
  private static final Set<String> YES =
      Set.of(
          "yes",
          "y",
          "yeah",
          "yep",
          "yes please",
          "sure",
          "confirm",
          "sí",
          "si",
          "claro",
          "confirmar",
          "confirmo",
          "بله",
          "آره",
          "اره",
          "بلی",
          "تایید",
          "تأیید");
  private static final Set<String> NO =
      Set.of("no", "n", "nope", "no thanks", "cancel", "nada", "نه", "خیر", "نخیر");
  // Compiled once: every message that could be an answer passes through here.
  private static final Pattern PUNCTUATION = Pattern.compile("[!.,،؟?]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** Reads {@code text} as a yes or no answer. */
  static Optional<YesNo> read(String text) {
    String plain =
        text == null
            ? ""
            : PUNCTUATION.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    String ref = null;
    int space = plain.lastIndexOf(' ');
    if (space > 0 && ListingRefs.looksLikeRef(plain.substring(space + 1))) {
      ref = ListingRefs.normalize(plain.substring(space + 1));
      plain = plain.substring(0, space).strip();
    }
    plain = SPACES.matcher(plain).replaceAll(" ");
    if (YES.contains(plain)) {
      return Optional.of(new YesNo(true, ref));
    }
    if (NO.contains(plain)) {
      return Optional.of(new YesNo(false, ref));
    }
    return Optional.empty();
  }
}
