package org.aidbridge.routes.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost, nothing twice: AidBridge stopped and started again while updates wait at Telegram,
 * an update delivered again after a crash, and a 429 storm.
 */
class TelegramRestartIT {
  private static final long FIRST_PERSON = 3_000_001;

  @TempDir Path dir;
  private FakeBotApi api;
  private TelegramBotProcess bot;

  @BeforeEach
  void start() throws Exception {
    api = new FakeBotApi();
  }

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.close();
    }
    api.close();
  }

  /** Generous on a busy machine; the happy path takes well under a second. */
  private static org.awaitility.core.ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(30));
  }

  private TelegramBotProcess run() throws Exception {
    return new TelegramBotProcess(dir.resolve("aidbridge.db"), api);
  }

  /** Each person asks for help once; the answer to each is counted. */
  private List<Integer> askForHelp(int from, int count) {
    List<Integer> ids = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      ids.add(api.queue(Updates.privateText(FIRST_PERSON + i, "p" + i, "en", "/help")));
    }
    return ids;
  }

  private void assertEachAnsweredExactlyOnce(int people) {
    eventually().until(() -> api.sent().size() >= people);
    // Nothing more comes: no answer is sent twice.
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> api.sent().size() == people);
    for (int i = 0; i < people; i++) {
      assertThat(api.sentTo(FIRST_PERSON + i)).as("answers to person %d", i).hasSize(1);
    }
  }

  @Test
  void killedAndRestartedWithUpdatesPendingLosesNoneAndAnswersNoneTwice() throws Exception {
    List<Integer> before = askForHelp(0, 6);
    bot = run();
    eventually().until(() -> !api.sent().isEmpty());

    bot.kill();
    askForHelp(6, 6);
    bot = run();

    assertEachAnsweredExactlyOnce(12);
    eventually().until(() -> api.unconfirmed() == 0);
    assertThat(bot.store.state(UpdateOffset.STATE_KEY))
        .contains(Integer.toString(before.get(0) + 12));
  }

  @Test
  void anUpdateDeliveredAgainAfterACrashIsAnsweredOnce() throws Exception {
    ObjectNode help = Updates.privateText(FIRST_PERSON, "p0", "en", "/help");
    int id = api.queue(help);
    bot = run();
    eventually().until(() -> api.sentTo(FIRST_PERSON).size() == 1);
    bot.kill();

    // As if the crash came after the update was handled but before the offset was stored:
    // the stored offset is the old one, and Telegram still has the update.
    try (var store =
        org.aidbridge.bot.store.SqliteStore.open(dir.resolve("aidbridge.db").toString())) {
      store.putState(UpdateOffset.STATE_KEY, Integer.toString(id));
    }
    help.put("update_id", id);
    api.redeliver(help);
    askForHelp(1, 1);
    bot = run();

    assertEachAnsweredExactlyOnce(2);
  }

  @Test
  void stormOf429sDelaysSendingButLosesNothingAndNeverSendsBeforeRetryAfter() throws Exception {
    api.failSends(3, "error-429-retry-1.json");
    askForHelp(0, 5);
    bot = run();

    assertEachAnsweredExactlyOnce(5);
    List<FakeBotApi.Refused> refused = api.refused();
    assertThat(refused).hasSize(3).allSatisfy(r -> assertThat(r.errorCode()).isEqualTo(429));
    List<FakeBotApi.Request> sends = api.requests("sendMessage");
    for (FakeBotApi.Refused r : refused) {
      assertThat(sends)
          .filteredOn(s -> s.at().isAfter(r.at()))
          .allSatisfy(
              s ->
                  assertThat(Duration.between(r.at(), s.at()))
                      .isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
    }
  }

  @Test
  void updateIdsStartedAgainFarBelowTheOffsetAfterAQuietWeekAreStillAnswered() throws Exception {
    askForHelp(0, 1);
    bot = run();
    eventually().until(() -> api.sentTo(FIRST_PERSON).size() == 1);
    bot.kill();
    // The killed run's last long poll ends by itself; a week later it is long gone.
    eventually().until(() -> api.pollsInFlight() == 0);

    // A week and more without updates: Telegram starts the ids again, here far below the offset.
    try (var store =
        org.aidbridge.bot.store.SqliteStore.open(dir.resolve("aidbridge.db").toString())) {
      long eightDaysAgo = System.currentTimeMillis() - Duration.ofDays(8).toMillis();
      store.putState(UpdateOffset.LAST_UPDATE_KEY, Long.toString(eightDaysAgo));
    }
    api.restartUpdateIdsAt(17);
    askForHelp(1, 2);
    bot = run();

    assertEachAnsweredExactlyOnce(3);
    eventually().until(() -> bot.store.state(UpdateOffset.STATE_KEY).equals(Optional.of("19")));
  }

  @Test
  void aGroupCommandWhoseAdminCheckFailsIsHandledLaterNotSkipped() throws Exception {
    long group = -1001225890715L;
    long admin = 51122;
    api.setStatus(group, admin, "administrator");
    api.failChatMember(3 + 1);
    api.queue(Updates.groupText(group, admin, "ana", "/subscribe Portland 50"));
    bot = run();

    eventually().until(() -> bot.store.subscriptions().size() == 1);
    assertThat(api.requests("getChatMember")).hasSizeGreaterThan(3);
  }

  @Test
  void aHundredKilobyteTextFullOfControlCharactersIsAnsweredAndKeptCappedAndClean()
      throws Exception {
    String junk = "need 2 bags of rice in Portland \u0000\u0007\u001b" + "x\u0001".repeat(50_000);
    api.queue(Updates.privateText(FIRST_PERSON, "p0", "en", junk));
    bot = run();

    eventually().until(() -> api.sentTo(FIRST_PERSON).size() == 1);
    try (var db =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("aidbridge.db"));
        var row = db.createStatement().executeQuery("SELECT text FROM inbox")) {
      assertThat(row.next()).isTrue();
      String stored = row.getString(1);
      assertThat(stored).hasSizeLessThanOrEqualTo(10_000).startsWith("need 2 bags of rice");
      assertThat(stored.chars().filter(c -> c < 0x20 && c != '\n' && c != '\t')).isEmpty();
    }
  }
}
