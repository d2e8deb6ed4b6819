package org.aidbridge.routes.signal;

import java.time.Duration;

/** Bounded exponential backoff: first, 2 x first, 4 x first ... at most {@code max}. */
public record Backoff(Duration first, Duration max) {

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
