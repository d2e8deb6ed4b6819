package org.aidbridge.bot.model;

/** Where a listing is in its life. Only OPEN and MATCHED listings take part in matching. */
public enum Status {
  OPEN,
  MATCHED,
  FULFILLED,
  EXPIRED,
  WITHDRAWN,
  /** Taken down by a coordinator (spam, danger): shown to no one and matched with nothing. */
  HIDDEN;

  public boolean active() {
    return this == OPEN || this == MATCHED;
  }
}
