package org.aidbridge.routes.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.aidbridge.bot.testing.MutableClock;
import org.junit.jupiter.api.Test;

class SignalDirectPacerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
  private final DirectPacer pacer = new DirectPacer(clock, Duration.ofSeconds(2));

  @Test
  void firstDirectMessageGoesAtOnce() {
    assertThat(pacer.reserve()).isEmpty();
  }

  @Test
  void secondDirectMessageWaitsForTheGap() {
    pacer.reserve();
    clock.advance(Duration.ofMillis(500));

    assertThat(pacer.reserve()).contains(Instant.parse("2026-05-01T10:00:02Z"));
  }

  @Test
  void aRefusedSlotIsNotTakenSoTheNextOneIsNotPushedFurther() {
    pacer.reserve();
    pacer.reserve();
    clock.advance(Duration.ofSeconds(2));

    assertThat(pacer.reserve()).isEmpty();
    assertThat(pacer.reserve()).contains(Instant.parse("2026-05-01T10:00:04Z"));
  }

  @Test
  void zeroGapNeverWaits() {
    DirectPacer unpaced = new DirectPacer(clock, Duration.ZERO);

    assertThat(unpaced.reserve()).isEmpty();
    assertThat(unpaced.reserve()).isEmpty();
  }
}
