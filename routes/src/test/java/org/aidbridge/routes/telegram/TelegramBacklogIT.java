package org.aidbridge.routes.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.outbox.OutboxDispatcher;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/**
 * A backlog of group messages drains through the real outbox dispatcher, the sender and the real
 * client, within Telegram's limits and in order per chat. Time is a clock the test moves, shared
 * with the fake, so minutes of sending take a few seconds.
 */
class TelegramBacklogIT {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final int GROUPS = 5;
  private static final int PER_GROUP = 60;

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T0);
  private FakeBotApi api;
  private SqliteStore store;
  private TelegramSender sender;
  private OutboxDispatcher dispatcher;

  @BeforeEach
  void start() throws Exception {
    api = new FakeBotApi(clock);
    store = SqliteStore.open(dir.resolve("aidbridge.db").toString());
    TelegramSettings settings =
        new TelegramSettings(FakeBotApi.TOKEN, api.url(), null, Duration.ofSeconds(1));
    sender =
        new TelegramSender(
            new OkHttpTelegramClient(FakeBotApi.TOKEN, settings.telegramUrl()),
            // The exact limits: this clock moves in whole seconds, which a margin would round up.
            new RateLimiter(clock, RateLimiter.TELEGRAM),
            clock,
            store::moveGroup);
    dispatcher = new OutboxDispatcher(store, clock);
  }

  @AfterEach
  void stop() {
    api.close();
    store.close();
  }

  private static long groupId(int g) {
    return -1001000000000L - g;
  }

  @Test
  void backlogOfGroupMessagesDrainsInOrderWithinTheLimitsAtAboutTheAllowedRate() {
    store.inTransaction(
        () -> {
          for (int i = 0; i < PER_GROUP; i++) {
            for (int g = 0; g < GROUPS; g++) {
              Address group = Address.group(Channel.TELEGRAM, Long.toString(groupId(g)));
              store.enqueue(OutboundMessage.to(group, "news " + i, "en"), clock.instant());
            }
          }
        });

    Instant limit = T0.plus(Duration.ofMinutes(5));
    while (api.sent().size() < GROUPS * PER_GROUP && clock.instant().isBefore(limit)) {
      // A drain a second, as the outbox timer would do: whatever the limits allow goes each time,
      // and everything sent within one drain shares one instant of this clock.
      dispatcher.drain(sender, 50);
      clock.advance(Duration.ofSeconds(1));
    }

    List<FakeBotApi.Sent> sent = api.sent();
    assertThat(sent).hasSize(GROUPS * PER_GROUP);
    for (int g = 0; g < GROUPS; g++) {
      List<FakeBotApi.Sent> toGroup = api.sentTo(groupId(g));
      assertThat(toGroup)
          .extracting(FakeBotApi.Sent::text)
          .as("in order, none lost, none twice")
          .containsExactlyElementsOf(
              java.util.stream.IntStream.range(0, PER_GROUP).mapToObj(i -> "news " + i).toList());
      assertSpacedAtLeastOneSecond(toGroup);
      assertAtMost(20, Duration.ofMinutes(1), toGroup);
    }
    assertAtMost(30, Duration.ofSeconds(1), sent);
    // 60 messages at 20 a minute: the last goes a little after two minutes, not much later.
    Instant last = sent.stream().map(FakeBotApi.Sent::at).max(Instant::compareTo).orElseThrow();
    assertThat(Duration.between(T0, last))
        .isBetween(Duration.ofMinutes(2), Duration.ofSeconds(150));
    assertThat(api.requests("sendMessage"))
        .as("nothing was refused by Telegram")
        .hasSize(sent.size());
  }

  private static void assertSpacedAtLeastOneSecond(List<FakeBotApi.Sent> toChat) {
    for (int i = 1; i < toChat.size(); i++) {
      assertThat(Duration.between(toChat.get(i - 1).at(), toChat.get(i).at()))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
  }

  /** In every window of the given length, at most {@code max} messages. */
  private static void assertAtMost(int max, Duration window, List<FakeBotApi.Sent> sent) {
    List<Instant> times = new ArrayList<>(sent.stream().map(FakeBotApi.Sent::at).sorted().toList());
    for (int i = 0; i + max < times.size(); i++) {
      assertThat(Duration.between(times.get(i), times.get(i + max)))
          .as("message %d and %d are more than %s apart", i, i + max, window)
          .isGreaterThanOrEqualTo(window);
    }
    Map<Instant, Long> perInstant =
        times.stream().collect(Collectors.groupingBy(t -> t, Collectors.counting()));
    assertThat(perInstant.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(max));
  }
}
