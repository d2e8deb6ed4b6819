package org.aidbridge.bot;

import org.aidbridge.bot.model.Kind;

/**
 * What the core reports as it works, for metrics: a port the edge implements (with Micrometer in
 * routes), so the core depends on no metrics library. Called on the handling thread, inside the
 * transaction of the message: implementations must be quick and thread-safe. A handling that is
 * rolled back and run again may report twice; these are counts for dashboards, not records.
 */
public interface BotEvents {

  /** Reports nothing. */
  BotEvents NONE = new BotEvents() {};

  /**
   * The parser read a text and found a need, an offer or neither.
   *
   * @param kind the listing kind found, or null for neither
   */
  default void parsed(Kind kind) {}

  /** A need or an offer was stored. */
  default void listingCreated(Kind kind) {}

  /** A need and an offer were matched. */
  default void matchCreated() {}
}
