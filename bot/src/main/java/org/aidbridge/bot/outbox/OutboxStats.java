package org.aidbridge.bot.outbox;

import org.aidbridge.bot.model.Channel;

/**
 * What the outbox reports as it sends, for metrics. Kept free of any metrics library: the edge
 * implements it (with Micrometer, say); {@link OutboxCounters} is a plain in-memory one.
 *
 * <p>Called on the sending thread of each channel: implementations must be thread-safe and quick.
 */
public interface OutboxStats {

  /** Does nothing. */
  OutboxStats NONE = new OutboxStats() {};

  /** How a send ended, for counting sends by result class. */
  enum Result {
    SENT,
    DEFERRED,
    RATE_LIMITED,
    FAILED,
    UNREACHABLE,
    REJECTED,
    MISCONFIGURED
  }

  /** One send attempt ended so. {@link Result#RATE_LIMITED} is a platform's own refusal (429). */
  default void sendEnded(Channel channel, Result result) {}

  /** An entry whose earlier send was interrupted (a crash mid-send) is being sent again. */
  default void resent(Channel channel) {}

  /** An entry failed too often and was set aside as a dead letter. */
  default void deadLettered(Channel channel) {}
}
