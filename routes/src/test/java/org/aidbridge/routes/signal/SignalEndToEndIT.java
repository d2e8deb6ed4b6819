package org.aidbridge.routes.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.routes.signal.FakeSignalSends.SendAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way through: the fake daemon, the Signal routes, the real core with SQLite, and the
 * outbox drained by the dispatcher, as the app runs them.
 */
class SignalEndToEndIT {
  private static final String BOT = SignalAppUnderTest.BOT;
  private static final String ROSA = "7ccae375-cd51-4c82-8b1e-7be3280aa485";
  private static final String ROSA_NUMBER = "+15550002222";
  private static final String SAM = "0b9a4f1e-6f7e-4bde-9a43-3c1f0f1d2e55";
  private static final String LEE = "5d2e8a10-3b7c-4e1a-9f00-aa11bb22cc33";
  private static final String LEE_NUMBER = "+15550003333";
  private static final String NORTHSIDE = "sb3/B9ivar+24qa83boax=";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private final AtomicLong timestamps = new AtomicLong(System.currentTimeMillis());
  private SignalAppUnderTest app;
  private FakeSignalDaemon daemon;
  private SqliteStore store;
  private SignalChannel channel;

  @BeforeEach
  void start() throws Exception {
    daemon = FakeSignalDaemon.startTcp().withAccount(BOT).withRetryAfterSeconds(1);
    app = new SignalAppUnderTest(daemon, dir, Map.of());
    store = app.store;
    channel = app.channel;
  }

  @AfterEach
  void stop() throws IOException {
    app.close();
  }

  @Test
  void directNeedAndOfferAreMatchedAndTheSubscribedGroupHearsWithoutAnyNumber() {
    daemon.push(message(LEE, LEE_NUMBER, "/subscribe Portland 50", NORTHSIDE));
    await().atMost(WAIT).until(() -> !deliveredTo(NORTHSIDE).isEmpty());
    assertThat(store.subscriptions()).hasSize(1);

    daemon.push(message(ROSA, ROSA_NUMBER, "need 2 bags of rice in Portland", null));
    daemon.push(message(SAM, null, "I can give 5 bags of rice in Portland", null));

    await()
        .atMost(WAIT)
        .until(
            () ->
                hasMatchNotice(ROSA)
                    && hasMatchNotice(SAM)
                    && deliveredTo(NORTHSIDE).stream()
                        .anyMatch(s -> text(s).startsWith("Match in your area")));
    for (JsonNode send : daemon.deliveredSends()) {
      assertThat(text(send))
          .doesNotContain(ROSA, ROSA_NUMBER, SAM, LEE, LEE_NUMBER, "+1555", "Rosa", "Sam");
    }
  }

  @Test
  void aDirectTextLongerThanTheBotReadsIsAnsweredOnceWithAShortNote() {
    StringBuilder text = new StringBuilder("need 2 bags of rice in Portland\n");
    while (text.length() < 100_000) {
      text.append("line ").append(text.length()).append(" of nothing much\n");
    }
    daemon.push(message(ROSA, ROSA_NUMBER, text.toString(), null));

    await().atMost(WAIT).until(() -> !deliveredTo(ROSA).isEmpty());

    assertThat(deliveredTo(ROSA))
        .filteredOn(s -> text(s).contains("read only its first part"))
        .hasSize(1);
  }

  @Test
  void aFileSentDirectlyGetsOneShortNoteWithTheAnswerOrAloneAndAGroupHearsNothingOfIt() {
    daemon.push(
        SignalEnvelopes.withFile(message(ROSA, ROSA_NUMBER, null, null), "image/jpeg", null));
    daemon.push(
        SignalEnvelopes.withFile(
            message(SAM, null, "need 2 bags of rice in Portland", null), "audio/aac", null));
    daemon.push(
        SignalEnvelopes.withFile(message(LEE, LEE_NUMBER, null, NORTHSIDE), "image/jpeg", null));
    daemon.push(
        SignalEnvelopes.withFile(
            message(LEE, LEE_NUMBER, "/help", NORTHSIDE), "application/pdf", "list.pdf"));

    await()
        .atMost(WAIT)
        .until(
            () ->
                !deliveredTo(ROSA).isEmpty()
                    && !deliveredTo(SAM).isEmpty()
                    && !deliveredTo(NORTHSIDE).isEmpty()
                    && store.dueInbound(java.time.Instant.now(), 1).isEmpty()
                    && store
                        .dueOutbox(
                            Channel.SIGNAL, java.time.Instant.now().plus(Duration.ofDays(1)), 1)
                        .isEmpty());

    String note = "I did not open what you attached";
    assertThat(deliveredTo(ROSA))
        .singleElement()
        .satisfies(s -> assertThat(text(s)).startsWith("I can only read text"));
    assertThat(deliveredTo(SAM)).filteredOn(s -> text(s).contains(note)).hasSize(1);
    assertThat(store.activeListingsOf(org.aidbridge.bot.model.Address.person(Channel.SIGNAL, SAM)))
        .hasSize(1);
    assertThat(deliveredTo(NORTHSIDE)).hasSize(1).noneMatch(s -> text(s).contains("attached"));
  }

  @Test
  void aGroupMemberWhoIsNotAnAdminCannotSubscribeTheGroup() {
    daemon.push(message(ROSA, ROSA_NUMBER, "/subscribe Portland 50", NORTHSIDE));

    await().atMost(WAIT).until(() -> !deliveredTo(NORTHSIDE).isEmpty());
    assertThat(store.subscriptions()).isEmpty();
    assertThat(daemon.requests()).anyMatch(r -> r.path("method").asText().equals("listGroups"));
  }

  @Test
  void aReplyQuotingAMatchNoticeIsRelayedToTheOtherPerson() {
    daemon.push(message(ROSA, ROSA_NUMBER, "need 2 bags of rice in Portland", null));
    daemon.push(message(SAM, null, "I can give 5 bags of rice in Portland", null));
    await().atMost(WAIT).until(() -> hasMatchNotice(ROSA) && hasMatchNotice(SAM));
    JsonNode notice =
        deliveredTo(ROSA).stream()
            .filter(s -> topicOf(s).startsWith("match:"))
            .findFirst()
            .orElseThrow();
    int samBefore = deliveredTo(SAM).size();

    ObjectNode reply = message(ROSA, ROSA_NUMBER, "Thank you! Can I pick it up tomorrow?", null);
    ((ObjectNode) reply.at("/envelope/dataMessage"))
        .putObject("quote")
        .put("id", Long.parseLong(notice.path("fake.timestamp").asText()))
        .put("author", BOT)
        .put("authorNumber", BOT)
        .put("text", text(notice));
    daemon.push(reply);

    await()
        .atMost(WAIT)
        .until(
            () ->
                deliveredTo(SAM).stream()
                    .skip(samBefore)
                    .anyMatch(s -> text(s).contains("Can I pick it up tomorrow?")));
    deliveredTo(SAM).forEach(s -> assertThat(text(s)).doesNotContain(ROSA, ROSA_NUMBER));
  }

  @Test
  void aRateLimitDelaysTheAnswerButLosesNothing() {
    daemon.answerNextSends(SendAnswer.RATE_LIMIT);

    daemon.push(message(ROSA, ROSA_NUMBER, "help", null));

    await().atMost(WAIT).until(() -> deliveredTo(ROSA).size() == 1);
    List<JsonNode> attempts = daemon.sends();
    assertThat(attempts).hasSize(2);
    long refusedAt = attempts.get(0).path("fake.receivedAtMillis").asLong();
    long deliveredAt = attempts.get(1).path("fake.receivedAtMillis").asLong();
    assertThat(deliveredAt - refusedAt).isGreaterThanOrEqualTo(900);
    assertThat(text(attempts.get(1))).isEqualTo(text(attempts.get(0)));
  }

  @Test
  void aDaemonRestartLosesNothingAndAnswersNothingTwice() throws IOException {
    ObjectNode rosaHelp = message(ROSA, ROSA_NUMBER, "help", null);
    daemon.push(rosaHelp);
    await().atMost(WAIT).until(() -> deliveredTo(ROSA).size() == 1);

    daemon.stop();
    await().atMost(WAIT).until(() -> !channel.client().isConnected());
    daemon.push(rosaHelp); // delivered again, as after a daemon crash before the server's ack
    daemon.push(message(SAM, null, "help", null));
    daemon.start();

    await().atMost(WAIT).until(() -> deliveredTo(SAM).size() == 1);
    assertThat(deliveredTo(ROSA)).hasSize(1);
    assertThat(
            store.dueOutbox(Channel.SIGNAL, java.time.Instant.now().plus(Duration.ofDays(1)), 10))
        .isEmpty();
    assertThat(daemon.acceptedConnections()).isEqualTo(2);
  }

  /** A {@code receive} notification of a new text message, from the recorded direct message. */
  private ObjectNode message(String uuid, String number, String text, String groupId) {
    return SignalEnvelopes.text(timestamps.incrementAndGet(), uuid, number, text, groupId);
  }

  private List<JsonNode> deliveredTo(String personOrGroup) {
    return daemon.deliveredSends().stream()
        .filter(
            s ->
                personOrGroup.equals(s.path("groupId").asText())
                    || personOrGroup.equals(s.path("recipient").path(0).asText()))
        .toList();
  }

  private boolean hasMatchNotice(String person) {
    return deliveredTo(person).stream().anyMatch(s -> topicOf(s).startsWith("match:"));
  }

  private String topicOf(JsonNode send) {
    Optional<OutboxEntry> sent =
        store.sentMessage(Channel.SIGNAL, send.path("fake.timestamp").asText());
    return sent.map(e -> String.valueOf(e.message().topic())).orElse("");
  }

  private static String text(JsonNode send) {
    return send.path("message").asText();
  }
}
