package org.aidbridge.bot.store;

/**
 * The store could not do what was asked: the database failed, is locked for too long, or holds data
 * this version cannot read. Messages name the operation, never the personal data involved.
 */
public class StoreException extends RuntimeException {

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
