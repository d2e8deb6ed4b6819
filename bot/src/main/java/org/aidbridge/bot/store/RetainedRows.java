package org.aidbridge.bot.store;

import java.util.Collections;

/**
 * The kinds of rows the retention deletes once they are older than it, each with what makes a row
 * finished (never a row still in flight: an inbound message not yet handled or given up on, an
 * outbox entry pending or claimed), the time it is aged by, and the index that holds the finished
 * rows by that time and id (schema step V17). Each condition is written exactly as its partial
 * index's, so that the database sees the index holds the rows asked for; every page's delete
 * repeats it, so a row that went back in flight meanwhile (a dead letter queued again by a
 * coordinator on another instance) stays.
 */
public enum RetainedRows {
  /** Handled inbound messages, by when they were received. */
  HANDLED_INBOUND("inbox", "received_at", "processed = 1", "inbox_to_delete"),
  /** Sent outbox entries, by when they were sent. */
  SENT_OUTBOX("outbox", "sent_at", "status = 'SENT'", "outbox_sent_to_delete"),
  /**
   * Outbox entries given up on (the recipient is gone, or dead letters nobody queued again), by
   * when they were queued.
   */
  GIVEN_UP_OUTBOX(
      "outbox",
      "created_at",
      "status IN ('UNDELIVERABLE', 'DEAD_LETTER')",
      "outbox_given_up_to_delete");

  private final String table;
  private final String time;
  private final String finished;
  private final String index;

  RetainedRows(String table, String time, String finished, String index) {
    this.table = table;
    this.time = time;
    this.finished = finished;
    this.index = index;
  }

  /** The index that holds these rows by time and id. */
  String index() {
    return index;
  }

  /** The rest of a page: rows at the cursor's time, after its id ({@link KeysetPages}). */
  String sameTimeSql(Dialect dialect) {
    return select(dialect) + finished + " AND " + time + " = ? AND id > ?\n ORDER BY id LIMIT ?";
  }

  /** The next ones: rows after the cursor's time and before the cutoff, by time then id. */
  String laterTimeSql(Dialect dialect) {
    return select(dialect)
        + finished
        + " AND "
        + time
        + " > ? AND "
        + time
        + " < ?\n ORDER BY "
        + time
        + ", id LIMIT ?";
  }

  /**
   * Deletes a page's rows by id, those still finished and older than the cutoff. SQLite is told to
   * use no index but the primary key: without statistics it guesses that the status index finds
   * fewer rows than the page's ids, and would walk every old row for every page.
   */
  String deleteSql(Dialect dialect, int ids) {
    return "DELETE FROM "
        + table
        + (dialect == Dialect.SQLITE ? " NOT INDEXED" : "")
        + "\n WHERE "
        + finished
        + " AND "
        + time
        + " < ? AND id IN ("
        + String.join(", ", Collections.nCopies(ids, "?"))
        + ")";
  }

  /**
   * SQLite is told which index to use: without statistics it may prefer the status index and sort
   * (and a query it cannot answer from the index fails instead of walking the table).
   */
  private String select(Dialect dialect) {
    return "SELECT "
        + time
        + ", id FROM "
        + table
        + (dialect == Dialect.SQLITE ? " INDEXED BY " + index : "")
        + "\n WHERE ";
  }
}
