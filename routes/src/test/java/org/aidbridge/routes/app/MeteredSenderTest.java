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
import org.aidbridge.bot.outbox.OutboxStats;
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
  void onlyAChannelThatIsUnwellOrMisconfiguredPutsTheProbeDown() {
    Scripted channel =
        new Scripted(
            new SendOutcome.Sent("m-1"),
            new SendOutcome.Deferred(NOW.plusSeconds(1), false, false, "pacing direct messages"),
            new SendOutcome.Unreachable("blocked"),
            new SendOutcome.Deferred(NOW.plusSeconds(9), true, true, "Telegram asked to wait 9 s"),
            new SendOutcome.Misconfigured("token revoked"),
            new SendOutcome.Sent("m-2"));
    MeteredSender sender = new MeteredSender(channel, sending);

    for (int i = 0; i < 4; i++) {
      sender.send(entry());
    }
    assertThat(sending.isUp()).as("pacing and a platform's rate limit are not failures").isTrue();
    sender.send(entry());
    assertThat(sending.isUp()).isFalse();
    assertThat(sending.view()).containsEntry("reason", "misconfigured: token revoked");
    sender.send(entry());
    assertThat(sending.isUp()).as("a send that goes through puts it up again").isTrue();
  }

  @Test
  void anExceptionPutsTheProbeDownAndIsPassedOn() {
    ChannelSender broken =
        new Scripted() {
          @Override
          public SendOutcome send(OutboxEntry entry) {
            throw new IllegalStateException("boom");
          }
        };
    MeteredSender sender = new MeteredSender(broken, sending);

    assertThatThrownBy(() -> sender.send(entry())).isInstanceOf(IllegalStateException.class);
    assertThat(sending.view()).containsEntry("reason", "send failed: IllegalStateException");
  }

  @Test
  void theOutboxsReportsAreCountedByResultClass() {
    OutboxStats stats = metrics.outboxStats();
    stats.sendEnded(Channel.TELEGRAM, OutboxStats.Result.SENT);
    stats.sendEnded(Channel.TELEGRAM, OutboxStats.Result.RATE_LIMITED);
    stats.sendEnded(Channel.TELEGRAM, OutboxStats.Result.DEFERRED);
    stats.resent(Channel.TELEGRAM);
    stats.deadLettered(Channel.TELEGRAM);

    assertThat(count("sent")).isEqualTo(1);
    assertThat(count("rate_limited")).isEqualTo(1);
    assertThat(count("deferred")).isEqualTo(1);
    assertThat(metrics.registry().counter("aidbridge.messages.out", "channel", "telegram").count())
        .isEqualTo(1);
    assertThat(metrics.registry().counter("aidbridge.resends", "channel", "telegram").count())
        .isEqualTo(1);
    assertThat(metrics.registry().counter("aidbridge.dead.lettered", "channel", "telegram").count())
        .isEqualTo(1);
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
