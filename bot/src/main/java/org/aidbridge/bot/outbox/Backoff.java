package org.aidbridge.bot.outbox;

import java.time.Duration;

/**
 * The one backoff policy of the bot: first, 2 x first, 4 x first ... at most {@code max}. Every
 * channel and the outbox wait by it after a failure, so no two parts retry by different rules.
 */
public record Backoff(Duration first, Duration max) {

  /** After a failed send: 2 s, 4 s, 8 s ... at most ten minutes. */
  public static final Backoff SEND = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10));

  /** While the channel's configuration is wrong: 1 min, 2 min ... at most fifteen minutes. */
  public static final Backoff MISCONFIGURED =
      new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(15));

  /** Reconnecting to a daemon: 200 ms, 400 ms ... at most thirty seconds. */
  public static final Backoff RECONNECT =
      new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));

  public Backoff {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < first <= max");
    }
  }

  /** The wait before attempt number {@code failures + 1}, after {@code failures} failures. */
  public Duration delay(int failures) {
    int doublings = Math.min(Math.max(failures, 0), 30);
    long millis = first.toMillis() << Math.min(doublings, 62 - 10);
    if (millis <= 0 || millis > max.toMillis()) {
      return max;
    }
    return Duration.ofMillis(millis);
  }
}
