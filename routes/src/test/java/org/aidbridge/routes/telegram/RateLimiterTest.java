package org.aidbridge.routes.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.aidbridge.bot.testing.MutableClock;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private final RateLimiter limiter = new RateLimiter(clock, RateLimiter.TELEGRAM);

  @Test
  void theBotKeepsASmallMarginAndCountsASendFromWhenItWasAnswered() {
    RateLimiter safe = new RateLimiter(clock);
    assertThat(safe.tryAcquire("42", false).granted()).isTrue();
    clock.advance(Duration.ofMillis(300)); // the request took 300 ms to be answered
    safe.confirm("42", false);

    assertThat(safe.tryAcquire("42", false).notBefore())
        .isEqualTo(T0.plusMillis(300).plus(Duration.ofSeconds(1)).plusMillis(15));
  }

  @Test
  void secondMessageToTheSameChatWaitsOneSecond() {
    assertThat(limiter.tryAcquire("42", false).granted()).isTrue();

    RateLimiter.Permit second = limiter.tryAcquire("42", false);

    assertThat(second.granted()).isFalse();
    assertThat(second.notBefore()).isEqualTo(T0.plusSeconds(1));
    assertThat(second.global()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.tryAcquire("42", false).granted()).isTrue();
  }

  @Test
  void otherChatsAreNotHeldBackByOneBusyChat() {
    limiter.tryAcquire("42", false);

    assertThat(limiter.tryAcquire("43", false).granted()).isTrue();
  }

  @Test
  void aGroupGetsAtMostTwentyMessagesPerMinute() {
    for (int i = 0; i < 20; i++) {
      assertThat(limiter.tryAcquire("-100", true).granted()).as("message %d", i).isTrue();
      clock.advance(Duration.ofSeconds(1));
    }

    RateLimiter.Permit twentyFirst = limiter.tryAcquire("-100", true);

    assertThat(twentyFirst.granted()).isFalse();
    assertThat(twentyFirst.notBefore()).isEqualTo(T0.plusSeconds(60));
    assertThat(twentyFirst.global()).isFalse();
    clock.set(T0.plusSeconds(60));
    assertThat(limiter.tryAcquire("-100", true).granted()).isTrue();
  }

  @Test
  void aPersonIsNotHeldToTheGroupLimit() {
    for (int i = 0; i < 25; i++) {
      assertThat(limiter.tryAcquire("42", false).granted()).isTrue();
      clock.advance(Duration.ofSeconds(1));
    }
  }

  @Test
  void thirtyMessagesPerSecondOverallThenEveryChatWaits() {
    for (int chat = 0; chat < 30; chat++) {
      assertThat(limiter.tryAcquire("c" + chat, false).granted()).isTrue();
    }
    clock.advance(Duration.ofMillis(400));

    RateLimiter.Permit thirtyFirst = limiter.tryAcquire("another", false);

    assertThat(thirtyFirst.granted()).isFalse();
    assertThat(thirtyFirst.global()).isTrue();
    assertThat(thirtyFirst.notBefore()).isEqualTo(T0.plusSeconds(1));
    clock.set(T0.plusSeconds(1).plusMillis(1));
    assertThat(limiter.tryAcquire("another", false).granted()).isTrue();
  }

  @Test
  void afterA429NothingIsGrantedBeforeRetryAfter() {
    limiter.pauseUntil(T0.plusSeconds(5));

    RateLimiter.Permit during = limiter.tryAcquire("42", false);
    clock.set(T0.plusMillis(4_999));
    RateLimiter.Permit justBefore = limiter.tryAcquire("7", true);
    clock.set(T0.plusSeconds(5));

    assertThat(during.granted()).isFalse();
    assertThat(during.global()).isTrue();
    assertThat(during.notBefore()).isEqualTo(T0.plusSeconds(5));
    assertThat(justBefore.granted()).isFalse();
    assertThat(limiter.tryAcquire("42", false).granted()).isTrue();
  }

  @Test
  void anEarlierPauseDoesNotShortenALaterOne() {
    limiter.pauseUntil(T0.plusSeconds(10));
    limiter.pauseUntil(T0.plusSeconds(3));
    clock.set(T0.plusSeconds(5));

    assertThat(limiter.tryAcquire("42", false).notBefore()).isEqualTo(T0.plusSeconds(10));
  }

  @Test
  void aRefusedRequestIsNotCounted() {
    limiter.tryAcquire("42", false);
    limiter.tryAcquire("42", false);
    clock.advance(Duration.ofSeconds(1));

    assertThat(limiter.tryAcquire("42", false).granted()).isTrue();
  }

  @Test
  void manyQuietChatsAreForgottenWithoutChangingAnswers() {
    for (int chat = 0; chat < 1_500; chat++) {
      limiter.tryAcquire("chat" + chat, false);
      clock.advance(Duration.ofMillis(100));
    }

    assertThat(limiter.tryAcquire("chat0", false).granted()).isTrue();
    assertThat(limiter.tryAcquire("chat1499", false).granted()).isFalse();
  }
}
