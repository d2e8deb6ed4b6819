package org.aidbridge.bot.model;

/** Where a listing is in its life. Only OPEN and MATCHED listings take part in matching. */
public enum Status {
  OPEN,
  MATCHED,
  FULFILLED,
  EXPIRED,
  WITHDRAWN;

  public boolean active() {
    return this == OPEN || this == MATCHED;
  }
}
