package org.aidbridge.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.store.OutboxStatus;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.aidbridge.bot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the outbox does when things go wrong: a crash between sending and recording, a store that
 * cannot record a send, deferrals, entries that keep failing, a channel that fails as a whole, and
 * a wrong configuration.
 */
class OutboxReliabilityTest {
  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
  private static final Address ANA = Address.person(Channel.TELEGRAM, "1");
  private static final Address BEN = Address.person(Channel.TELEGRAM, "2");
  private static final OutboxPolicy POLICY =
      new OutboxPolicy(Duration.ofMinutes(2), 3, Backoff.SEND);

  private final Store real = SqliteStore.open(":memory:");
  private final FlakyStore flaky = new FlakyStore(real, Set.of("markSent"));
  private final Store store = flaky.store;
  private final MutableClock clock = new MutableClock(T0);
  private final OutboxCounters counters = new OutboxCounters();
  private final OutboxDispatcher dispatcher =
      new OutboxDispatcher(store, clock, POLICY, counters, clock::set);
  private final ScriptedChannel channel = new ScriptedChannel();

  /** The process dies right after the channel took the message, before anything is recorded. */
  private static final class Crash extends Error {}

  @AfterEach
  void close() {
    real.close();
  }

  @Test
  void anEntryWhoseSendWasInterruptedIsResentOnceAfterItsLeaseAndCountedAsAResend() {
    long id = queue(ANA, "hello");
    channel.script(
        "hello",
        e -> {
          throw new Crash();
        });
    assertThatThrownBy(() -> dispatcher.drain(channel, 10)).isInstanceOf(Crash.class);
    assertThat(real.outboxEntry(id).orElseThrow().status()).isEqualTo(OutboxStatus.SENDING);

    OutboxDispatcher restarted = new OutboxDispatcher(store, clock, POLICY, counters, clock::set);
    restarted.drain(channel, 10);
    assertThat(channel.sent).as("still within its lease: maybe being sent").isEmpty();

    clock.advance(POLICY.lease());
    restarted.drain(channel, 10);
    restarted.drain(channel, 10);

    assertThat(channel.sent).containsExactly("hello");
    assertThat(real.outboxEntry(id).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
    assertThat(real.outboxResends(id)).isEqualTo(1);
    assertThat(counters.count(Channel.TELEGRAM, "resent")).isEqualTo(1);
  }

  @Test
  void aSendTheStoreCannotRecordIsNotSentAgainAndIsRecordedWhenTheStoreRecovers() {
    long id = queue(ANA, "once");
    queue(ANA, "after");
    queue(BEN, "elsewhere");
    flaky.failing.set(true);

    dispatcher.drain(channel, 10);
    clock.advance(POLICY.lease().plusSeconds(1));
    dispatcher.drain(channel, 10);
    dispatcher.drain(channel, 10);
    assertThat(channel.sent)
        .as("sent once; nothing more while the store cannot record")
        .containsExactly("once");

    flaky.failing.set(false);
    dispatcher.drain(channel, 10);
    dispatcher.drain(channel, 10);

    assertThat(channel.sent).containsExactly("once", "after", "elsewhere");
    assertThat(real.outboxEntry(id).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
    assertThat(real.sentMessage(Channel.TELEGRAM, "tg-once")).isPresent();
    assertThat(real.outboxResends(id)).isZero();
  }

  @Test
  void deferralsForPacingAndRateLimitsAreNotAttempts() {
    long id = queue(ANA, "patient");
    channel.script(
        "patient",
        10,
        e -> new SendOutcome.Deferred(clock.instant().plusSeconds(1), false, true, "429"));

    for (int i = 0; i < 10; i++) {
      dispatcher.drain(channel, 10);
      assertThat(real.outboxEntry(id).orElseThrow().attempts()).isZero();
      clock.advance(Duration.ofSeconds(1));
    }
    dispatcher.drain(channel, 10);

    assertThat(channel.sent).containsExactly("patient");
    assertThat(counters.count(Channel.TELEGRAM, "rate_limited")).isEqualTo(10);
  }

  @Test
  void anEntryThatKeepsFailingBecomesADeadLetterAndNoLongerBlocksItsRecipient() {
    long stuck = queue(ANA, "stuck");
    queue(ANA, "next");
    channel.script("stuck", 3, e -> new SendOutcome.Failed("500 Internal Server Error", false));

    for (int i = 0; i < 2; i++) {
      dispatcher.drain(channel, 10);
      assertThat(channel.sent).as("next waits behind stuck").isEmpty();
      clock.advance(Backoff.SEND.max());
    }
    dispatcher.drain(channel, 10);

    assertThat(channel.sent).as("set aside at its third failure").containsExactly("next");
    assertThat(real.outboxEntry(stuck).orElseThrow().status()).isEqualTo(OutboxStatus.DEAD_LETTER);
    assertThat(real.deadLetters(10))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.id()).isEqualTo(stuck);
              assertThat(d.failures()).isEqualTo(3);
              assertThat(d.lastError()).isEqualTo("500 Internal Server Error");
            });
    assertThat(counters.count(Channel.TELEGRAM, "dead_lettered")).isEqualTo(1);

    assertThat(real.retryDeadLetter(stuck, clock.instant())).isTrue();
    dispatcher.drain(channel, 10);
    assertThat(channel.sent).containsExactly("next", "stuck");
    assertThat(real.deadLetters(10)).isEmpty();
  }

  @Test
  void aChannelFailingAsAWholePausesWithBackoffWithoutBlamingTheEntry() {
    long id = queue(ANA, "a1");
    queue(BEN, "b1");
    channel.script("a1", 5, e -> new SendOutcome.Failed("server unreachable", true));

    for (int i = 0; i < 5; i++) {
      dispatcher.drain(channel, 10);
      assertThat(dispatcher.stateOf(Channel.TELEGRAM).orElseThrow().condition())
          .isEqualTo(ChannelState.Condition.RETRYING);
      clock.advance(Backoff.SEND.delay(i));
    }
    assertThat(channel.sent).isEmpty();
    assertThat(real.outboxEntry(id).orElseThrow().attempts()).isZero();

    dispatcher.drain(channel, 10);
    assertThat(channel.sent).containsExactly("a1", "b1");
    assertThat(dispatcher.stateOf(Channel.TELEGRAM).orElseThrow().healthy()).isTrue();
  }

  @Test
  void aWrongConfigurationPausesTheChannelShowsWhyAndLosesNothing() {
    long id = queue(ANA, "a1");
    channel.script("a1", e -> new SendOutcome.Misconfigured("401 Unauthorized: token revoked"));

    dispatcher.drain(channel, 10);

    ChannelState state = dispatcher.channelStates().get(Channel.TELEGRAM);
    assertThat(state.condition()).isEqualTo(ChannelState.Condition.MISCONFIGURED);
    assertThat(state.reason()).contains("token revoked");
    assertThat(state.pausedUntil()).isEqualTo(T0.plus(Backoff.MISCONFIGURED.first()));
    assertThat(real.outboxEntry(id).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(real.outboxEntry(id).orElseThrow().attempts()).isZero();
    assertThat(dispatcher.drain(channel, 10)).isZero();

    clock.advance(Backoff.MISCONFIGURED.first());
    dispatcher.drain(channel, 10);
    assertThat(channel.sent).containsExactly("a1");
    assertThat(dispatcher.stateOf(Channel.TELEGRAM).orElseThrow().condition())
        .isEqualTo(ChannelState.Condition.SENDING);
  }

  @Test
  void aWrongConfigurationIsSaidOnceAtErrorThenAtWarnWhileItLasts() {
    queue(ANA, "a1");
    channel.script("a1", 2, e -> new SendOutcome.Misconfigured("401 Unauthorized: token revoked"));
    Logger logger = (Logger) LoggerFactory.getLogger(OutboxDispatcher.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    try {
      dispatcher.drain(channel, 10);
      clock.advance(Backoff.MISCONFIGURED.first());
      dispatcher.drain(channel, 10);
    } finally {
      logger.detachAppender(log);
    }

    assertThat(log.list)
        .filteredOn(event -> event.getLevel() == Level.ERROR)
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.getFormattedMessage())
                    .startsWith("telegram sending is paused, nothing is lost")
                    .contains("the configuration is wrong (401 Unauthorized: token revoked)"));
    assertThat(log.list)
        .filteredOn(event -> event.getLevel() == Level.WARN)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anyMatch(line -> line.startsWith("telegram still misconfigured"));
    assertThat(channel.sent).isEmpty();
  }

  @Test
  void drainingForAWhileWaitsForTheFirstChatToBeFreeInsteadOfTheNextTick() {
    queue(ANA, "a1");
    queue(ANA, "a2");
    channel.script(
        "a2", e -> new SendOutcome.Deferred(clock.instant().plusMillis(900), false, false, "pace"));

    int sent = dispatcher.drainFor(channel, 10, Duration.ofSeconds(5));

    assertThat(sent).isEqualTo(2);
    assertThat(channel.sent).containsExactly("a1", "a2");
    assertThat(clock.instant()).isEqualTo(T0.plusMillis(900));
  }

  @Test
  void atTheChannelsOwnOverallLimitTheEntryWaitsInHandForTheNextSlot() {
    queue(ANA, "a1");
    channel.script(
        "a1",
        e -> new SendOutcome.Deferred(clock.instant().plusMillis(40), true, false, "overall"));

    assertThat(dispatcher.drainFor(channel, 10, Duration.ofSeconds(5))).isEqualTo(1);

    assertThat(channel.sent).containsExactly("a1");
    assertThat(clock.instant()).isEqualTo(T0.plusMillis(40));
    assertThat(dispatcher.isPaused(Channel.TELEGRAM)).isFalse();
  }

  private long queue(Address to, String text) {
    return real.enqueue(OutboundMessage.to(to, text, "en"), clock.instant()).id();
  }
}
