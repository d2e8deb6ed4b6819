package org.aidbridge.bot.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One page of the retention's deletion of old rows of one kind ({@link RetainedRows}): how many it
 * deleted, and where the next page starts, if there may be more.
 */
public record RetentionPage(int deleted, Optional<Cursor> next) {

  /**
   * A place in the order the deletion walks rows in, by their time then id: the next page starts
   * after it, so it never walks again what a page before it walked (on PostgreSQL, rows deleted
   * stay in the index until a vacuum; a page that started from the beginning would walk them all).
   */
  public record Cursor(Instant at, long id) {
    /** Before every row. */
    public static final Cursor START = new Cursor(Instant.ofEpochMilli(Long.MIN_VALUE), 0);
  }
}
