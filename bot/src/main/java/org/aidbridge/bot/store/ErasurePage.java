package org.aidbridge.bot.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One page of the retention's erasure of closed listings: how many it erased, and where the next
 * page starts, if there may be more.
 */
public record ErasurePage(int erased, Optional<Cursor> next) {

  /**
   * A place in the order the erasure walks listings in, by end of life then id: the next page
   * starts after it, so it never walks again what a page before it walked.
   */
  public record Cursor(Instant expiresAt, long id) {
    /** Before every listing. */
    public static final Cursor START = new Cursor(Instant.ofEpochMilli(Long.MIN_VALUE), 0);
  }
}
