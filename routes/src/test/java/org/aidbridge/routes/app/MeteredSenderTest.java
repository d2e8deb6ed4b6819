package org.aidbridge.routes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.outbox.ChannelSender;
import org.aidbridge.bot.outbox.SendOutcome;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.OutboxStatus;
import org.junit.jupiter.api.Test;

class MeteredSenderTest {
  private static final Address ANA = Address.person(Channel.TELEGRAM, "1001");
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private final Clock clock = Clock.fixed(NOW, java.time.ZoneOffset.UTC);
  private final AppMetrics metrics = new AppMetrics(clock);
  private final ChannelProbe sending =
      new ChannelHealth(clock).probe(Channel.TELEGRAM, "sending", true);

  /**
   * A decorator that misses a method of its interface silently drops it (a default method would run
   * instead of the wrapped one's): this fails when the interfaces grow.
   */
  @Test
  void theDecoratorsOverrideEveryMethodOfTheirInterfaces() {
    assertOverridesAll(MeteredSender.class, ChannelSender.class);
    assertOverridesAll(MeteredAdapter.class, ChannelAdapter.class);
    assertOverridesAll(MeteredBotService.class, BotService.class);
  }

  @Test
  void eachOutcomeIsCountedByItsClassAndOnlyWholeChannelWaitsPutTheProbeDown() {
    Scripted channel =
        new Scripted(
            new SendOutcome.Sent("m-1"),
            new SendOutcome.RetryAt(NOW.plusSeconds(1), false, "pacing direct messages"),
            new SendOutcome.Unreachable("blocked"),
            new SendOutcome.RetryAt(NOW.plusMillis(30), true, "rate limit"),
            new SendOutcome.RetryAt(NOW.plusSeconds(9), true, "Telegram asked to wait 9 s"));
    MeteredSender sender = new MeteredSender(channel, metrics, sending);

    sender.send(entry());
    sender.send(entry());
    sender.send(entry());
    sender.send(entry());
    assertThat(sending.isUp()).as("our own pacing is not a failure").isTrue();
    sender.send(entry());

    assertThat(sending.isUp()).isFalse();
    assertThat(sending.view()).containsEntry("reason", "Telegram asked to wait 9 s");
    assertThat(count("sent")).isEqualTo(1);
    assertThat(count("deferred")).isEqualTo(2);
    assertThat(count("unreachable")).isEqualTo(1);
    assertThat(count("rate_limited")).isEqualTo(1);
    assertThat(metrics.registry().counter("aidbridge.messages.out", "channel", "telegram").count())
        .isEqualTo(1);
  }

  @Test
  void anExceptionIsCountedAsFailedAndPassedOn() {
    ChannelSender broken =
        new Scripted() {
          @Override
          public SendOutcome send(OutboxEntry entry) {
            throw new IllegalStateException("boom");
          }
        };
    MeteredSender sender = new MeteredSender(broken, metrics, sending);

    assertThatThrownBy(() -> sender.send(entry())).isInstanceOf(IllegalStateException.class);
    assertThat(count("failed")).isEqualTo(1);
    assertThat(sending.view()).containsEntry("reason", "send failed: IllegalStateException");
  }

  @Test
  void signalsRateLimitIsThePlatformsOwnAndPacingIsNot() {
    assertThat(
            MeteredSender.resultClass(new SendOutcome.RetryAt(NOW, true, "rate limited by Signal")))
        .isEqualTo("rate_limited");
    assertThat(MeteredSender.resultClass(new SendOutcome.RetryAt(NOW, false, "rate limit")))
        .isEqualTo("deferred");
    assertThat(MeteredSender.resultClass(new SendOutcome.Rejected("chat not found")))
        .isEqualTo("rejected");
  }

  private double count(String result) {
    return metrics
        .registry()
        .counter("aidbridge.sends", "channel", "telegram", "result", result)
        .count();
  }

  private static OutboxEntry entry() {
    return new OutboxEntry(
        1, OutboundMessage.to(ANA, "hello", "en"), OutboxStatus.PENDING, NOW, NOW, 0, null);
  }

  private static void assertOverridesAll(Class<?> decorator, Class<?> contract) {
    List<String> missing =
        Arrays.stream(contract.getMethods())
            .filter(m -> !Modifier.isStatic(m.getModifiers()))
            .filter(m -> !declares(decorator, m))
            .map(Method::getName)
            .toList();
    assertThat(missing).as(decorator.getSimpleName() + " forwards every method").isEmpty();
  }

  private static boolean declares(Class<?> decorator, Method method) {
    try {
      decorator.getDeclaredMethod(method.getName(), method.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** A Telegram sender answering with the given outcomes in turn. */
  private static class Scripted implements ChannelSender {
    private final Deque<SendOutcome> outcomes;

    Scripted(SendOutcome... outcomes) {
      this.outcomes = new ArrayDeque<>(List.of(outcomes));
    }

    @Override
    public Channel channel() {
      return Channel.TELEGRAM;
    }

    @Override
    public SendOutcome send(OutboxEntry entry) {
      return outcomes.removeFirst();
    }
  }
}
