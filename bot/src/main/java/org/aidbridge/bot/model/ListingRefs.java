package org.aidbridge.bot.model;

import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Short public references such as {@code N-7K2} (a need) or {@code O-X4P} (an offer). Letters that
 * are easily confused (0/O, 1/I/L) are left out so the reference can be read aloud and typed.
 */
public final class ListingRefs {
  // Compiled once: the last word of every message read as a possible answer is asked.
  private static final Pattern REF = Pattern.compile("(?i)[NO]-?[2-9A-Z]{3,6}");

  private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

  private ListingRefs() {}

  /** A random reference of {@code length} characters after the kind's prefix. */
  public static String random(Kind kind, RandomGenerator random, int length) {
    StringBuilder ref = new StringBuilder(kind == Kind.NEED ? "N-" : "O-");
    for (int i = 0; i < length; i++) {
      ref.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return ref.toString();
  }

  /**
   * Upper-cases a typed reference and puts back a left-out dash ({@code n7k2} is {@code N-7K2}).
   */
  public static String normalize(String typed) {
    String ref = typed.trim().toUpperCase(java.util.Locale.ROOT);
    if (ref.length() > 2 && ref.charAt(1) != '-') {
      ref = ref.charAt(0) + "-" + ref.substring(1);
    }
    return ref;
  }

  public static boolean looksLikeRef(String word) {
    return REF.matcher(word).matches();
  }
}
