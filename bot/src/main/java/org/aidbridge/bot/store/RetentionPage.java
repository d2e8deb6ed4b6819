package org.aidbridge.bot.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One page of the retention: old finished rows of one kind deleted ({@link RetainedRows}), or
 * closed listings erased. How many rows the page deleted or erased, and where the next page starts,
 * if there may be more.
 */
public record RetentionPage(int rows, Optional<Cursor> next) {

  /**
   * A place in the order the retention walks rows in, by their time (received, sent, queued, or a
   * listing's end of life) then id: the next page starts after it, so it never walks again what a
   * page before it walked (on PostgreSQL, rows deleted stay in the index until a vacuum; a page
   * that started from the beginning would walk them all).
   */
  public record Cursor(Instant at, long id) {
    /** Before every row. */
    public static final Cursor START = new Cursor(Instant.ofEpochMilli(Long.MIN_VALUE), 0);
  }
}
