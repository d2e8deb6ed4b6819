package org.aidbridge.bot.match;

import java.util.Optional;
import org.aidbridge.bot.store.ListingChangeMark;
import org.aidbridge.bot.store.Store;

/**
 * Writes the match index's snapshot again while the application runs, whenever the listings changed
 * since the last one, so that a start after a kill reads the snapshot and the few listings changed
 * since it instead of every listing ({@link MatchIndexSnapshot}). Run on a timer, on one thread at
 * a time.
 */
public final class SnapshotKeeper {
  private final Store store;
  private final MatchIndex index;
  private ListingChangeMark lastWritten;

  public SnapshotKeeper(Store store) {
    this.store = store;
    this.index = MatchIndex.of(store);
  }

  /**
   * Writes the snapshot when the index is complete (a start reading the snapshot is over) and the
   * journal of listing changes moved since the last one this keeper wrote; true when it wrote one.
   */
  public boolean writeIfChanged() {
    if (!index.complete()) {
      return false;
    }
    Optional<ListingChangeMark> now = store.lastListingChange();
    if (now.isEmpty() || now.get().equals(lastWritten)) {
      return false;
    }
    Optional<ListingChangeMark> written;
    try {
      written = MatchIndex.saveSnapshot(store);
    } catch (RuntimeException e) {
      // None can be written here (a full disk, a directory it may not write in): the journal's
      // rows would only pile up for a snapshot that never comes. A start reads every listing.
      store.forgetListingChangesBefore(now.get());
      throw e;
    }
    written.ifPresent(mark -> lastWritten = mark);
    return written.isPresent();
  }
}
