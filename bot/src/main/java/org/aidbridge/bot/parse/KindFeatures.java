package org.aidbridge.bot.parse;

import java.util.Arrays;
import java.util.List;
import org.aidbridge.bot.parse.lexicon.Token;
import org.aidbridge.bot.parse.lexicon.Tokenizer;

/**
 * What {@link KindModel} reads of a message, hashed into a fixed number of slots so that no
 * vocabulary is kept: each word, each pair of neighbouring words, the character 4-grams of each
 * word (they carry Persian and Dari suffixes, Spanish endings and typos that whole words miss), and
 * whether it carries a link. Each weighs {@code 1/sqrt(count)}, so that long and short messages
 * weigh alike. The rule reading is deliberately not a feature: the lexicons were tuned on the same
 * files, so a model trained on them would learn to copy the rules (measured: it did) instead of
 * judging them.
 */
final class KindFeatures {

  /** Number of hash slots: a power of two, small enough to stay in the processor's cache. */
  static final int SLOTS = 1 << 17;

  private static final int MASK = SLOTS - 1;
  private static final int GRAM = 4;
  private static final int WORD = 0x9E3779B1;
  private static final int PAIR = 0x85EBCA77;
  private static final int CHARS = 0xC2B2AE3D;
  private static final int LINK = 0x27D4EB2F;

  /**
   * The slots of a message, each once: the first {@code words} (words, pairs, grams) weigh {@code
   * wordValue} each, the last one (link or none) weighs 1; slots past {@code length} are unused.
   */
  record Vector(int[] slots, int length, int words, float wordValue) {

    float value(int i) {
      return i < words ? wordValue : 1f;
    }
  }

  private KindFeatures() {}

  static Vector of(Tokenizer.Result tokenized) {
    List<Token> tokens = tokenized.tokens();
    int[] slots = new int[8 + tokens.size() * 8];
    int n = 0;
    int previous = 0;
    for (Token token : tokens) {
      String key = token.key();
      int word = hash(key, 0, key.length(), WORD);
      slots = room(slots, n, 2 + key.length());
      slots[n++] = word & MASK;
      slots[n++] = mix(previous, word, PAIR) & MASK;
      previous = word;
      n = grams(key, slots, n);
    }
    // A slot counts once however often its word or gram repeats: "aaaa…" is one gram, not ten
    // thousand, and cannot outweigh a message.
    Arrays.sort(slots, 0, n);
    n = unique(slots, n);
    float wordValue = n == 0 ? 0 : (float) (1 / Math.sqrt(n));
    slots = room(slots, n, 1);
    slots[n] = (tokenized.hasUrl() ? LINK + 1 : LINK + 2) & MASK;
    return new Vector(slots, n + 1, n, wordValue);
  }

  /** The 4-grams of " word " (spaces mark its start and end); a short word is one gram. */
  private static int grams(String key, int[] slots, int n) {
    int length = key.length() + 2;
    if (length <= GRAM) {
      slots[n++] = (hash(key, 0, key.length(), CHARS) * 31 + length) & MASK;
      return n;
    }
    for (int start = 0; start + GRAM <= length; start++) {
      int h = CHARS;
      for (int i = start; i < start + GRAM; i++) {
        char c = i == 0 || i == length - 1 ? ' ' : key.charAt(i - 1);
        h = (h ^ c) * 0x01000193;
      }
      slots[n++] = finish(h) & MASK;
    }
    return n;
  }

  private static int unique(int[] sorted, int n) {
    int kept = 0;
    for (int i = 0; i < n; i++) {
      if (kept == 0 || sorted[kept - 1] != sorted[i]) {
        sorted[kept++] = sorted[i];
      }
    }
    return kept;
  }

  private static int[] room(int[] slots, int n, int more) {
    return n + more <= slots.length ? slots : Arrays.copyOf(slots, (n + more) * 2);
  }

  private static int hash(String s, int from, int to, int seed) {
    int h = seed;
    for (int i = from; i < to; i++) {
      h = (h ^ s.charAt(i)) * 0x01000193;
    }
    return finish(h);
  }

  private static int mix(int a, int b, int seed) {
    return finish((a * 31 + b) ^ seed);
  }

  private static int finish(int h) {
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    return h;
  }
}
