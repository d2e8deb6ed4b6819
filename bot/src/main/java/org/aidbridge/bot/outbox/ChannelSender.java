package org.aidbridge.bot.outbox;

import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.store.OutboxEntry;

/**
 * Sends outbox entries on one channel. Implemented at the edge (routes) for each channel; the core
 * decides what happens after from the outcome.
 */
public interface ChannelSender {

  Channel channel();

  /** Sends one entry. Must not throw for expected failures: they are outcomes. */
  SendOutcome send(OutboxEntry entry);

  /**
   * The outbox has nothing more to send for now: a sender that keeps a connection across sends
   * (SMTP) closes it here.
   */
  default void endOfDrain() {}
}
