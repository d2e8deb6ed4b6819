package org.aidbridge.bot.place;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Normalised name -> places, without a String per name: an open-addressing table of 64-bit hashes
 * of the names, each pointing at a chain of index entries. This keeps ~340,000 names in about 10 MB
 * and lets the loader index a name straight from the bytes it read. Two different names share a
 * 64-bit hash with a probability of about 10^-8 over the whole gazetteer, which is far below the
 * error rate of reading places from free text.
 */
final class NameIndex {
  private static final int[] NONE = new int[0];
  private static final double MAX_LOAD = 0.7;

  private long[] hashes; // 0 marks an empty slot
  private int[] heads; // slot -> first entry
  private int[] entries = new int[1 << 16];
  private int[] next = new int[1 << 16]; // entry -> next entry of the same name, or -1
  private int entryCount;
  private int nameCount;

  NameIndex(int expectedNames) {
    int capacity = Integer.highestOneBit((int) (expectedNames / MAX_LOAD) - 1) << 1;
    hashes = new long[Math.max(capacity, 16)];
    heads = new int[hashes.length];
  }

  /**
   * Adds {@code entry} under the name whose UTF-8 bytes are {@code utf8[from, to)}, once per place.
   */
  void add(byte[] utf8, int from, int to, int entry) {
    if (from >= to) {
      return;
    }
    if (nameCount + 1 > hashes.length * MAX_LOAD) {
      grow();
    }
    long hash = hash(utf8, from, to);
    int slot = slot(hash, hashes);
    if (hashes[slot] == 0) {
      hashes[slot] = hash;
      heads[slot] = newEntry(entry, -1);
      nameCount++;
    } else if (entries[heads[slot]] >>> 1 != entry >>> 1) {
      heads[slot] = newEntry(entry, heads[slot]);
    }
  }

  /** Entries of a normalised name, empty when unknown. */
  int[] lookup(String key) {
    if (key.isEmpty()) {
      return NONE;
    }
    int slot = slot(hash(key), hashes);
    if (hashes[slot] == 0) {
      return NONE;
    }
    int count = 0;
    for (int e = heads[slot]; e >= 0; e = next[e]) {
      count++;
    }
    int[] found = new int[count];
    int i = 0;
    for (int e = heads[slot]; e >= 0; e = next[e]) {
      found[i++] = entries[e];
    }
    return found;
  }

  boolean contains(String key) {
    return !key.isEmpty() && hashes[slot(hash(key), hashes)] != 0;
  }

  int names() {
    return nameCount;
  }

  private int newEntry(int entry, int following) {
    if (entryCount == entries.length) {
      entries = Arrays.copyOf(entries, entryCount * 2);
      next = Arrays.copyOf(next, entryCount * 2);
    }
    entries[entryCount] = entry;
    next[entryCount] = following;
    return entryCount++;
  }

  /** The slot holding {@code hash}, or the empty slot where it would go (linear probing). */
  private static int slot(long hash, long[] table) {
    int mask = table.length - 1;
    int slot = (int) (hash ^ (hash >>> 32)) & mask;
    while (table[slot] != 0 && table[slot] != hash) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldHashes = hashes;
    int[] oldHeads = heads;
    hashes = new long[oldHashes.length * 2];
    heads = new int[hashes.length];
    for (int i = 0; i < oldHashes.length; i++) {
      if (oldHashes[i] != 0) {
        int slot = slot(oldHashes[i], hashes);
        hashes[slot] = oldHashes[i];
        heads[slot] = oldHeads[i];
      }
    }
  }

  private static long hash(String key) {
    byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
    return hash(utf8, 0, utf8.length);
  }

  /** FNV-1a over the UTF-8 bytes, then the SplitMix64 finaliser to spread the bits; never 0. */
  static long hash(byte[] utf8, int from, int to) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < to; i++) {
      h ^= utf8[i] & 0xff;
      h *= 0x100000001b3L;
    }
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return h == 0 ? 1 : h;
  }
}
