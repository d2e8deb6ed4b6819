package org.aidbridge.bot.match;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.aidbridge.bot.model.Kind;

/**
 * Listings of one kind in the order of what they bring whatever they are matched with ({@link
 * MatchScorer#ownPoints}), best first: offers newest first; needs urgent first, then those that
 * waited longest. So the first one not yet looked at bounds all the rest.
 */
final class RankedEntries {
  private static final Comparator<MatchProfile> OFFERS =
      Comparator.<MatchProfile>comparingLong(p -> -p.createdAt).thenComparingLong(p -> p.id);
  private static final Comparator<MatchProfile> NEEDS =
      Comparator.<MatchProfile>comparingInt(p -> p.urgent ? 0 : 1)
          .thenComparingLong(p -> p.createdAt)
          .thenComparingLong(p -> p.id);

  private final List<MatchProfile> entries = new ArrayList<>(2);
  private int categories; // every category any entry has had: a bound, never narrowed on removal

  static Comparator<MatchProfile> order(Kind kind) {
    return kind == Kind.OFFER ? OFFERS : NEEDS;
  }

  void add(MatchProfile profile) {
    categories |= profile.categories;
    int at = Collections.binarySearch(entries, profile, order(profile.kind));
    entries.add(at < 0 ? -at - 1 : at, profile);
  }

  /** Removes the entry added as {@code profile} (the same values). */
  void remove(MatchProfile profile) {
    int at = Collections.binarySearch(entries, profile, order(profile.kind));
    if (at >= 0) {
      entries.remove(at);
    }
  }

  /** Bit i set when an entry has (or had) {@code Category.values()[i]}. */
  int categories() {
    return categories;
  }

  int size() {
    return entries.size();
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  MatchProfile get(int position) {
    return entries.get(position);
  }
}
