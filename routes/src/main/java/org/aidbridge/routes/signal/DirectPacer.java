package org.aidbridge.routes.signal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps a minimum gap between two direct messages to people. Signal throttles, and may ask for a
 * captcha from, accounts that write to many people quickly; groups are the way to reach many.
 */
final class DirectPacer {
  private final Clock clock;
  private final Duration gap;
  private Instant last = Instant.MIN;

  DirectPacer(Clock clock, Duration gap) {
    this.clock = clock;
    this.gap = gap.isNegative() ? Duration.ZERO : gap;
  }

  /**
   * Takes the next slot when it has come.
   *
   * @return empty when a direct message may go now (the slot is taken), else when it may go
   */
  synchronized Optional<Instant> reserve() {
    Instant now = clock.instant();
    Instant next = last == Instant.MIN ? now : last.plus(gap);
    if (now.isBefore(next)) {
      return Optional.of(next);
    }
    last = now;
    return Optional.empty();
  }
}
