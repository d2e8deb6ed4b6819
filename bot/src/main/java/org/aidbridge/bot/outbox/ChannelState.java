package org.aidbridge.bot.outbox;

import java.time.Instant;
import org.aidbridge.bot.model.Channel;

/**
 * How sending on one channel stands, as the outbox last saw it.
 *
 * @param channel the channel
 * @param condition whether it sends, waits on a passing failure, or is paused by a wrong
 *     configuration
 * @param reason why it is not {@link Condition#SENDING} (no personal data), or null
 * @param since when it entered this condition
 * @param pausedUntil when the next try is due while paused, or null
 * @param lastSent when a send last succeeded, or null since start
 */
public record ChannelState(
    Channel channel,
    Condition condition,
    String reason,
    Instant since,
    Instant pausedUntil,
    Instant lastSent) {

  public enum Condition {
    /** Sends, or has nothing to send. */
    SENDING,
    /** The channel failed as a whole (network, server away) and retries with backoff. */
    RETRYING,
    /** Our configuration is wrong (login, relaying, token): paused, nothing is lost. */
    MISCONFIGURED
  }

  public boolean healthy() {
    return condition == Condition.SENDING;
  }
}
