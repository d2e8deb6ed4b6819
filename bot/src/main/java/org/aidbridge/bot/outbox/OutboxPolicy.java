package org.aidbridge.bot.outbox;

import java.time.Duration;

/**
 * How the outbox retries.
 *
 * @param lease how long a claimed entry counts as being sent: an entry still claimed after that
 *     (the process died mid-send) is sent again, once, as a resend. Renewed while the send lasts
 *     ({@code LeaseKeeper}), so only a dead instance's claim runs out.
 * @param maxFailures real failures (not deferrals) after which an entry becomes a dead letter
 * @param backoff the wait after each failure
 */
public record OutboxPolicy(Duration lease, int maxFailures, Backoff backoff) {

  public static final OutboxPolicy DEFAULT =
      new OutboxPolicy(Duration.ofMinutes(2), 10, Backoff.SEND);

  public OutboxPolicy {
    if (lease.isNegative() || lease.isZero() || maxFailures < 1) {
      throw new IllegalArgumentException("outbox needs a positive lease and maxFailures >= 1");
    }
  }
}
