package org.aidbridge.bot.match;

import java.util.Arrays;
import java.util.Comparator;
import org.aidbridge.bot.model.Kind;

/**
 * Listings of one kind in the order of what they bring whatever they are matched with ({@link
 * MatchScorer#ownPoints}), best first: offers newest first; needs urgent first, then those that
 * waited longest. So the first one not yet looked at bounds all the rest.
 *
 * <p>What the bound depends on (when each was made, whether it is urgent) is kept beside the
 * listings in arrays of its own: a search bounds many more lists than it scores listings, and
 * reaching each listing's fields in memory cost more than the rest of the bound.
 */
final class RankedEntries {
  private static final Comparator<MatchProfile> OFFERS =
      Comparator.<MatchProfile>comparingLong(p -> -p.createdAt).thenComparingLong(p -> p.id);
  private static final Comparator<MatchProfile> NEEDS =
      Comparator.<MatchProfile>comparingInt(p -> p.urgent ? 0 : 1)
          .thenComparingLong(p -> p.createdAt)
          .thenComparingLong(p -> p.id);
  private static final MatchProfile[] NONE = new MatchProfile[0];

  private MatchProfile[] entries = NONE;
  private long[] createdAt = new long[0];
  private boolean[] urgent = new boolean[0];
  private int size;
  private Kind kind; // of every entry (a list holds one kind)
  private int categories; // every category any entry has had: a bound, never narrowed on removal
  private boolean unsorted; // entries appended since the last sort

  static Comparator<MatchProfile> order(Kind kind) {
    return kind == Kind.OFFER ? OFFERS : NEEDS;
  }

  void add(MatchProfile profile) {
    categories |= profile.categories;
    kind = profile.kind;
    int at = Arrays.binarySearch(entries, 0, size, profile, order(profile.kind));
    at = at < 0 ? -at - 1 : at;
    if (size == entries.length) {
      int length = Math.max(2, size + (size >> 1) + 1);
      entries = Arrays.copyOf(entries, length);
      createdAt = Arrays.copyOf(createdAt, length);
      urgent = Arrays.copyOf(urgent, length);
    }
    System.arraycopy(entries, at, entries, at + 1, size - at);
    System.arraycopy(createdAt, at, createdAt, at + 1, size - at);
    System.arraycopy(urgent, at, urgent, at + 1, size - at);
    entries[at] = profile;
    createdAt[at] = profile.createdAt;
    urgent[at] = profile.urgent;
    size++;
  }

  /**
   * Adds {@code profile} at the end, out of order, for a list being filled all at once: the list is
   * named in {@code unsorted} the first time, and must be {@link #sort}ed before it is read again.
   */
  void append(MatchProfile profile, java.util.List<RankedEntries> unsorted) {
    if (!this.unsorted) {
      this.unsorted = true;
      unsorted.add(this);
    }
    categories |= profile.categories;
    kind = profile.kind;
    if (size == entries.length) {
      int length = Math.max(2, size + (size >> 1) + 1);
      entries = Arrays.copyOf(entries, length);
      createdAt = Arrays.copyOf(createdAt, length);
      urgent = Arrays.copyOf(urgent, length);
    }
    entries[size++] = profile;
  }

  /**
   * Puts the entries {@link #append}ed in order: the same order {@link #add} keeps, which is total
   * (the id decides last), in one sort instead of a shift of the array at every entry.
   */
  void sort() {
    Arrays.sort(entries, 0, size, order(kind));
    for (int i = 0; i < size; i++) {
      createdAt[i] = entries[i].createdAt;
      urgent[i] = entries[i].urgent;
    }
    unsorted = false;
  }

  /** Removes the entry added as {@code profile} (the same values). */
  void remove(MatchProfile profile) {
    int at = Arrays.binarySearch(entries, 0, size, profile, order(profile.kind));
    if (at >= 0) {
      size--;
      System.arraycopy(entries, at + 1, entries, at, size - at);
      System.arraycopy(createdAt, at + 1, createdAt, at, size - at);
      System.arraycopy(urgent, at + 1, urgent, at, size - at);
      entries[size] = null;
    }
  }

  /** Bit i set when an entry has (or had) {@code Category.values()[i]}. */
  int categories() {
    return categories;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  MatchProfile get(int position) {
    return entries[position];
  }

  /** What the entry at {@code position} brings on its own: {@link MatchScorer#ownPoints}. */
  double ownPoints(int position, long now) {
    return MatchScorer.ownPoints(kind, urgent[position], createdAt[position], now);
  }
}
