package org.aidbridge.bot.store;

import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Status;

/**
 * Hears of every change to the listings as the store makes it, so that memory kept beside the store
 * (the match index) can follow. Called on the thread that changes the store, while it holds the
 * store; a change later rolled back is told again with the listing as it is after the rollback.
 */
public interface ListingWatcher {

  /** The listing was stored or changed; this is how it is now, whatever its status. */
  void changed(Listing listing);

  /**
   * Only the status of the listing changed, to {@code status}. Returns whether the watcher could
   * follow that without the rest of the listing; if not, {@link #changed} follows with the whole
   * listing, read back from the store (which a status change alone need not pay for: reading it
   * back was 6% of the whole core's time under load).
   */
  default boolean statusChanged(long listingId, Status status) {
    return false;
  }

  /** The listing is gone from the store (or its storing was rolled back). */
  void removed(long listingId);

  /** Forget every listing: every active one will be told again through {@link #changed}. */
  void cleared();
}
