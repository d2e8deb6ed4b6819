package org.aidbridge.routes.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * AidBridge against a Bot API server that enforces Telegram's published limits (1 message a second
 * to a chat, 20 a minute to a group, 30 a second overall) and answers 429 past them: the bot keeps
 * within them on its own, so Telegram never has to refuse a message.
 */
class TelegramLimitsIT {
  private static final long COORDINATOR = 9000001;
  private static final int GROUPS = 40;
  private static final int PEOPLE = 60;
  private static final int POSTS_EACH = 3;

  @TempDir Path dir;
  private FakeBotApi api;
  private TelegramBotProcess bot;

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.close();
    }
    api.close();
  }

  @Test
  void theServerAnswersAMessageOverTheLimitWith429AndRetryAfterAsTelegramDoes() throws Exception {
    api = new FakeBotApi();
    api.enforceLimits();
    OkHttpTelegramClient client =
        new OkHttpTelegramClient(
            FakeBotApi.TOKEN,
            new TelegramSettings(FakeBotApi.TOKEN, api.url(), null, Duration.ofSeconds(1))
                .telegramUrl());
    for (int i = 0; i < 20; i++) {
      client.execute(SendMessage.builder().chatId(-100L).text("news " + i).build());
    }

    assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(-100L).text("21").build()))
        .isInstanceOfSatisfying(
            TelegramApiRequestException.class,
            e -> {
              int retryAfter = e.getParameters().getRetryAfter();
              assertThat(e.getErrorCode()).isEqualTo(429);
              assertThat(retryAfter).isBetween(1, 60);
              assertThat(e.getApiResponse())
                  .isEqualTo("Too Many Requests: retry after " + retryAfter);
            });
    client.execute(SendMessage.builder().chatId(-200L).text("another group").build());
    assertThat(api.sent()).hasSize(21);
    assertThat(api.refused()).extracting(FakeBotApi.Refused::errorCode).containsExactly(429);
  }

  @Test
  void aBroadcastToFortyGroupsWhileSixtyPeoplePostProvokesNo429AndAllIsDelivered()
      throws Exception {
    api = new FakeBotApi();
    api.enforceLimits();
    java.util.Map<String, String> settings =
        java.util.Map.of("home.country", "US", "coordinators", "telegram:" + COORDINATOR);
    bot = new TelegramBotProcess(dir.resolve("aidbridge.db"), api, settings);
    for (int g = 0; g < GROUPS; g++) {
      bot.store.saveSubscription(
          new Subscription(
              Address.group(Channel.TELEGRAM, Long.toString(-1001000000000L - g)),
              new Place("Portland", "Portland", "US", 45.52, -122.68),
              50,
              Set.of(),
              "en"));
    }

    api.queue(
        Updates.privateText(
            COORDINATOR, "coord", "en", "broadcast all Water at the community center at 5pm"));
    await().atMost(Duration.ofSeconds(30)).until(() -> api.sentTo(COORDINATOR).size() >= 1);
    api.queue(Updates.privateText(COORDINATOR, "coord", "en", "broadcast confirm"));
    for (int post = 0; post < POSTS_EACH; post++) {
      for (int p = 0; p < PEOPLE; p++) {
        api.queue(Updates.privateText(8000000 + p, "p" + p, "en", "hello, what can you do?"));
      }
    }

    // Every update fetched and confirmed (so stored) first: before the poller's next fetch the
    // store has nothing to do yet, and a loaded machine got there before it (2026-12-02).
    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                api.unconfirmed() == 0
                    && bot.store.dueOutbox(Channel.TELEGRAM, farFuture(), 10).isEmpty()
                    && !busy());

    assertThat(api.refused()).as("answers 429 Too Many Requests").isEmpty();
    long toGroups = api.sent().stream().filter(s -> s.chatId().startsWith("-")).count();
    assertThat(toGroups).as("the broadcast reached every group").isEqualTo(GROUPS);
    int each = api.sentTo(8000000).size();
    assertThat(each).isGreaterThanOrEqualTo(POSTS_EACH);
    for (int p = 0; p < PEOPLE; p++) {
      assertThat(api.sentTo(8000000 + p)).as("answers to person %d", p).hasSize(each);
    }
    Set<Long> outboxIds = new HashSet<>();
    for (FakeBotApi.Sent s : api.sent()) {
      String id = MessageIds.of(Long.parseLong(s.chatId()), s.messageId());
      outboxIds.add(
          bot.store.sentMessage(Channel.TELEGRAM, id).orElseThrow().id()); // each one recorded
    }
    assertThat(outboxIds).as("no entry sent twice").hasSize(api.sent().size());
  }

  /** Whether the bot still has inbound messages to handle. */
  private boolean busy() {
    return !bot.store.unprocessedInbound(1).isEmpty();
  }

  private static Instant farFuture() {
    return Instant.now().plus(Duration.ofDays(1));
  }
}
