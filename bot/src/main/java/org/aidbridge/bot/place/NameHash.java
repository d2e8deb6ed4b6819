package org.aidbridge.bot.place;

/**
 * The 64-bit hash {@link NameIndex} keys a name by: FNV-1a over the name's UTF-8 bytes, then the
 * SplitMix64 finaliser to spread the bits; never 0.
 *
 * <p>FNV-1a reads one byte after another, so the hash of "new york" can be carried on from the
 * state after "new": a scan for names of up to five words hashes each word once and builds no
 * string, where most candidates are not names at all. {@link #feed} encodes a string's chars as
 * {@code String.getBytes(UTF_8)} would, so both ways give the same hash.
 */
final class NameHash {
  /** The state before the first byte (FNV-1a's offset basis). */
  static final long START = 0xcbf29ce484222325L;

  private static final long PRIME = 0x100000001b3L;

  private NameHash() {}

  /** The hash of a name's UTF-8 bytes {@code utf8[from, to)}. */
  static long of(byte[] utf8, int from, int to) {
    long state = START;
    for (int i = from; i < to; i++) {
      state = step(state, utf8[i] & 0xff);
    }
    return finish(state);
  }

  /** The hash of a name. */
  static long of(String name) {
    return finish(feed(START, name));
  }

  /** The state after the UTF-8 bytes of {@code text}; a lone surrogate counts as '?'. */
  static long feed(long state, String text) {
    long h = state;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        h = step(h, c);
      } else if (c < 0x800) {
        h = step(step(h, 0xc0 | c >> 6), 0x80 | c & 0x3f);
      } else if (!Character.isSurrogate(c)) {
        h = step(step(step(h, 0xe0 | c >> 12), 0x80 | c >> 6 & 0x3f), 0x80 | c & 0x3f);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, text.charAt(++i));
        h = step(step(h, 0xf0 | cp >> 18), 0x80 | cp >> 12 & 0x3f);
        h = step(step(h, 0x80 | cp >> 6 & 0x3f), 0x80 | cp & 0x3f);
      } else {
        h = step(h, '?');
      }
    }
    return h;
  }

  /** The state after one more byte. */
  static long step(long state, int b) {
    return (state ^ b) * PRIME;
  }

  /** The hash of the bytes fed so far. */
  static long finish(long state) {
    long h = (state ^ (state >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return h == 0 ? 1 : h;
  }
}
