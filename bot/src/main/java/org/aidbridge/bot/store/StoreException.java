package org.aidbridge.bot.store;

import java.sql.SQLException;
import java.util.Set;

/**
 * The store could not do what was asked: the database failed, is locked for too long, or holds data
 * this version cannot read. Messages name the operation, never the personal data involved.
 */
public class StoreException extends RuntimeException {
  /**
   * SQLite's primary result codes for failures that may pass: busy, locked, out of memory, read
   * only (a remount), I/O error, disk full, cannot open, locking protocol.
   */
  private static final Set<Integer> PASSING_CODES = Set.of(5, 6, 7, 8, 10, 13, 14, 15);

  private final boolean closedStore;

  public StoreException(String message) {
    this(message, null, false);
  }

  public StoreException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private StoreException(String message, Throwable cause, boolean closedStore) {
    super(message, cause);
    this.closedStore = closedStore;
  }

  /** The store was closed (the application is stopping). */
  static StoreException closed() {
    return new StoreException("the store is closed", null, true);
  }

  /**
   * Whether a failure may pass if the same work is tried again later: the database was busy or
   * locked, the disk failed or was full, or the store was closed while stopping. A failure caused
   * by the data or the work itself (a constraint, a bug) is not.
   */
  public static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StoreException store && store.closedStore) {
        return true;
      }
      if (t instanceof SQLException sql) {
        return PASSING_CODES.contains(sql.getErrorCode() & 0xff);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
