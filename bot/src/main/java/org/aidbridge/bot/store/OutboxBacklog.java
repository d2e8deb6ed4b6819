package org.aidbridge.bot.store;

import java.time.Duration;
import java.time.Instant;

/**
 * How the outbox stands, for health and metrics.
 *
 * @param depth entries waiting to be sent (pending, or claimed for a send not yet confirmed)
 * @param oldestQueuedAt when the oldest of them was queued, or null when none waits
 * @param deadLetters entries set aside after too many failures, waiting for a coordinator
 */
public record OutboxBacklog(long depth, Instant oldestQueuedAt, long deadLetters) {

  /** How long the oldest waiting entry has waited at {@code now}; zero when none waits. */
  public Duration oldestAge(Instant now) {
    if (oldestQueuedAt == null || oldestQueuedAt.isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(oldestQueuedAt, now);
  }
}
