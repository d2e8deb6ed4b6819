package org.aidbridge.bot.place;

import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;

/**
 * Normalised name -> places, without a String per name: an open-addressing table of 64-bit hashes
 * of the names, each pointing at a chain of index entries. This keeps ~340,000 names in about 10 MB
 * and lets the loader index a name straight from the bytes it read. Two different names share a
 * 64-bit hash with a probability of about 10^-8 over the whole gazetteer, which is far below the
 * error rate of reading places from free text.
 *
 * <p>The table is read through buffers, so that it can lie in a file mapped into memory ({@link
 * PlaceTableFile}) as well as in the heap; a {@link Builder} makes it.
 */
final class NameIndex {
  private static final int[] NONE = new int[0];
  private static final double MAX_LOAD = 0.7;

  private final LongBuffer hashes; // 0 marks an empty slot
  private final IntBuffer heads; // slot -> first entry
  private final IntBuffer entries;
  private final IntBuffer next; // entry -> next entry of the same name, or -1
  private final int nameCount;

  private NameIndex(
      LongBuffer hashes, IntBuffer heads, IntBuffer entries, IntBuffer next, int nameCount) {
    this.hashes = hashes;
    this.heads = heads;
    this.entries = entries;
    this.next = next;
    this.nameCount = nameCount;
  }

  /** The index {@link Builder#write} wrote at the layout's current section. */
  static NameIndex read(PlaceLayout.Reader in) {
    int slots = in.count();
    int entryCount = in.count();
    int names = in.count();
    if (Integer.bitCount(slots) != 1) {
      throw new IllegalArgumentException("name index of " + slots + " slots");
    }
    return new NameIndex(
        in.longs(slots), in.ints(slots), in.ints(entryCount), in.ints(entryCount), names);
  }

  /** Entries of a normalised name, empty when unknown. */
  int[] lookup(String key) {
    return key.isEmpty() ? NONE : lookup(NameHash.of(key));
  }

  /** Entries of the name with this {@link NameHash}, empty when unknown. */
  int[] lookup(long hash) {
    int slot = slot(hash, hashes);
    if (hashes.get(slot) == 0) {
      return NONE;
    }
    int count = 0;
    for (int e = heads.get(slot); e >= 0; e = next.get(e)) {
      count++;
    }
    int[] found = new int[count];
    int i = 0;
    for (int e = heads.get(slot); e >= 0; e = next.get(e)) {
      found[i++] = entries.get(e);
    }
    return found;
  }

  /** Whether a name with this {@link NameHash} is known. */
  boolean contains(long hash) {
    return hashes.get(slot(hash, hashes)) != 0;
  }

  int names() {
    return nameCount;
  }

  /** The slot holding {@code hash}, or the empty slot where it would go (linear probing). */
  private static int slot(long hash, LongBuffer table) {
    int mask = table.limit() - 1;
    int slot = (int) (hash ^ (hash >>> 32)) & mask;
    while (table.get(slot) != 0 && table.get(slot) != hash) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** Makes the table in arrays, then writes it into a layout ({@link #write}). */
  static final class Builder {
    private long[] hashes;
    private int[] heads;
    private int[] entries = new int[1 << 16];
    private int[] next = new int[1 << 16];
    private int entryCount;
    private int nameCount;

    Builder(int expectedNames) {
      int capacity = Integer.highestOneBit((int) (expectedNames / MAX_LOAD) - 1) << 1;
      hashes = new long[Math.max(capacity, 16)];
      heads = new int[hashes.length];
    }

    /**
     * Adds {@code entry} under the name whose UTF-8 bytes are {@code utf8[from, to)}, once per
     * place.
     */
    void add(byte[] utf8, int from, int to, int entry) {
      if (from >= to) {
        return;
      }
      if (nameCount + 1 > hashes.length * MAX_LOAD) {
        grow();
      }
      long hash = NameHash.of(utf8, from, to);
      int slot = slot(hash, LongBuffer.wrap(hashes));
      if (hashes[slot] == 0) {
        hashes[slot] = hash;
        heads[slot] = newEntry(entry, -1);
        nameCount++;
      } else if (entries[heads[slot]] >>> 1 != entry >>> 1) {
        heads[slot] = newEntry(entry, heads[slot]);
      }
    }

    /** How many bytes {@link #write} puts in a layout. */
    int bytes() {
      return 3 * Integer.BYTES + hashes.length * (Long.BYTES + Integer.BYTES) + entryCount * 8;
    }

    void write(PlaceLayout.Writer out) {
      out.count(hashes.length).count(entryCount).count(nameCount);
      out.longs(hashes, hashes.length).ints(heads, heads.length);
      out.ints(entries, entryCount).ints(next, entryCount);
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

    private void grow() {
      long[] oldHashes = hashes;
      int[] oldHeads = heads;
      hashes = new long[oldHashes.length * 2];
      heads = new int[hashes.length];
      LongBuffer table = LongBuffer.wrap(hashes);
      for (int i = 0; i < oldHashes.length; i++) {
        if (oldHashes[i] != 0) {
          int slot = slot(oldHashes[i], table);
          hashes[slot] = oldHashes[i];
          heads[slot] = oldHeads[i];
        }
      }
    }
  }
}
