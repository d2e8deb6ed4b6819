package org.aidbridge.routes.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.outbox.Backoff;
import org.aidbridge.bot.outbox.OutboxDispatcher;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.OutboxStatus;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.testing.MutableClock;
import org.aidbridge.routes.signal.FakeSignalSends.SendAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sender and the outbox dispatcher against the fake daemon and a real store. */
class SignalSenderIT {
  private static final String BOT = "+15550001111";
  private static final Address ROSA =
      Address.person(Channel.SIGNAL, "7ccae375-cd51-4c82-8b1e-7be3280aa485");
  private static final Address SAM =
      Address.person(Channel.SIGNAL, "0b9a4f1e-6f7e-4bde-9a43-3c1f0f1d2e55");
  private static final Address NORTHSIDE = Address.group(Channel.SIGNAL, "sb3/B9ivar+24qa83boax=");
  private static final Address EMAIL_COORDINATOR =
      Address.person(Channel.EMAIL, "coordinator@example.org");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
  private FakeSignalDaemon daemon;
  private SignalRpcClient client;
  private SqliteStore store;
  private SignalSender sender;
  private OutboxDispatcher dispatcher;

  @BeforeEach
  void start() throws IOException {
    daemon = FakeSignalDaemon.startTcp().withAccount(BOT).withRetryAfterSeconds(30);
    client =
        new SignalRpcClient(
            daemon.endpoint(),
            BOT,
            Duration.ofSeconds(5),
            new Backoff(Duration.ofMillis(50), Duration.ofMillis(300)),
            (method, params) -> {});
    client.start();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(client::isConnected);
    store = SqliteStore.open(dir.resolve("aidbridge.db").toString());
    SignalCaptchaAlert alert =
        new SignalCaptchaAlert(
            store, Set.of(EMAIL_COORDINATOR, Address.person(Channel.SIGNAL, "c0c0")), clock, BOT);
    sender =
        new SignalSender(client, new DirectPacer(clock, Duration.ofSeconds(2)), alert, clock, BOT);
    dispatcher = new OutboxDispatcher(store, clock);
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    store.close();
    daemon.close();
  }

  private OutboxEntry queue(Address to, String text) {
    return store.enqueue(OutboundMessage.to(to, text, "en"), clock.instant());
  }

  private OutboxStatus statusOf(OutboxEntry entry) {
    return store.outboxEntry(entry.id()).orElseThrow().status();
  }

  @Test
  void sentMessageIsKeptUnderTheSendTimestampSoQuotesTieBack() {
    OutboxEntry entry = queue(ROSA, "Your need N-7K2 is listed.");

    assertThat(dispatcher.drain(sender, 10)).isEqualTo(1);

    String timestamp = store.outboxEntry(entry.id()).orElseThrow().channelMessageId();
    assertThat(timestamp).matches("\\d{13}");
    assertThat(store.sentMessage(Channel.SIGNAL, timestamp)).isPresent();
    assertThat(daemon.sends().get(0).path("recipient").get(0).asText()).isEqualTo(ROSA.id());
  }

  @Test
  void aSendIsWrittenDownOnTheReadingThreadBeforeTheSendingThreadHearsOfIt() throws Exception {
    List<String> written = new java.util.concurrent.CopyOnWriteArrayList<>();
    SignalSender writing =
        writingDownTo(
            (id, messageId, at) -> {
              written.add(id + " " + messageId + " " + Thread.currentThread().getName());
              store.journalSent(id, messageId, at);
            });
    OutboxEntry entry = queue(ROSA, "Your need N-7K2 is listed.");

    assertThat(dispatcher.drain(writing, 10)).isEqualTo(1);

    String timestamp = store.outboxEntry(entry.id()).orElseThrow().channelMessageId();
    assertThat(written).containsExactly(entry.id() + " " + timestamp + " signal-read");
    assertThat(statusOf(entry)).isEqualTo(OutboxStatus.SENT);
    // Written once, settled by the mark: the journal beside the database holds no line in flight.
    store.close();
    // (this store's own journal, aidbridge.db-sent.<id>: a clean close deletes it once empty)
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .noneMatch(name -> name.startsWith("aidbridge.db-sent"));
    }
    store = SqliteStore.open(dir.resolve("aidbridge.db").toString());
  }

  @Test
  void aRefusedSendIsNotWrittenDown() {
    List<Long> written = new java.util.concurrent.CopyOnWriteArrayList<>();
    SignalSender writing = writingDownTo((id, messageId, at) -> written.add(id));
    daemon.answerNextSends(SendAnswer.UNREGISTERED);
    OutboxEntry entry = queue(ROSA, "Your need N-7K2 is listed.");

    dispatcher.drain(writing, 10);

    assertThat(written).isEmpty();
    assertThat(statusOf(entry)).isNotEqualTo(OutboxStatus.SENT);
  }

  @Test
  void rateLimitPausesSignalThenTheMessageGoesOut() {
    daemon.answerNextSends(SendAnswer.RATE_LIMIT);
    OutboxEntry entry = queue(NORTHSIDE, "New need near you: rice (N-7K2)");

    assertThat(dispatcher.drain(sender, 10)).isZero();
    assertThat(dispatcher.isPaused(Channel.SIGNAL)).isTrue();
    assertThat(statusOf(entry)).isEqualTo(OutboxStatus.PENDING);

    clock.advance(Duration.ofSeconds(31));
    assertThat(dispatcher.drain(sender, 10)).isEqualTo(1);
    assertThat(statusOf(entry)).isEqualTo(OutboxStatus.SENT);
    assertThat(daemon.deliveredSends()).hasSize(1);
  }

  @Test
  void captchaPausesSignalKeepsTheQueueAndTellsCoordinatorsElsewhereOnce() {
    daemon.answerNextSends(SendAnswer.CAPTCHA, SendAnswer.CAPTCHA);
    OutboxEntry first = queue(NORTHSIDE, "first");
    OutboxEntry second = queue(ROSA, "second");

    dispatcher.drain(sender, 10);
    // as after a restart, when the dispatcher has forgotten the pause: no second alert
    sender.send(store.outboxEntry(first.id()).orElseThrow());

    assertThat(statusOf(first)).isEqualTo(OutboxStatus.PENDING);
    assertThat(statusOf(second)).isEqualTo(OutboxStatus.PENDING);
    var alerts = store.dueOutbox(Channel.EMAIL, clock.instant(), 10);
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).message().to()).isEqualTo(EMAIL_COORDINATOR);
    assertThat(alerts.get(0).message().text())
        .contains("captcha")
        .contains("submitRateLimitChallenge --challenge e5a4c0b2-7d3f-4a65-9b1e-2c8d7f6a5b43");
    Instant afterThePause = clock.instant().plus(SignalSendResults.CAPTCHA_PAUSE).plusSeconds(1);
    assertThat(store.dueOutbox(Channel.SIGNAL, afterThePause, 10))
        .extracting(OutboxEntry::id)
        .containsExactly(first.id(), second.id());
  }

  @Test
  void unregisteredPersonBecomesUnreachable() {
    daemon.answerNextSends(SendAnswer.UNREGISTERED);
    OutboxEntry entry = queue(ROSA, "hello");

    dispatcher.drain(sender, 10);

    assertThat(statusOf(entry)).isEqualTo(OutboxStatus.UNDELIVERABLE);
    assertThat(store.isUnreachable(ROSA)).isTrue();
  }

  @Test
  void directMessagesArePacedWithoutAskingTheDaemonButGroupsAreNot() {
    OutboxEntry toRosa = queue(ROSA, "one");
    OutboxEntry toSam = queue(SAM, "two");
    OutboxEntry toGroup = queue(NORTHSIDE, "three");

    assertThat(dispatcher.drain(sender, 10)).isEqualTo(2);
    assertThat(statusOf(toSam)).isEqualTo(OutboxStatus.PENDING);
    assertThat(daemon.sends()).hasSize(2);

    clock.advance(Duration.ofSeconds(2));
    assertThat(dispatcher.drain(sender, 10)).isEqualTo(1);
    assertThat(statusOf(toRosa)).isEqualTo(OutboxStatus.SENT);
    assertThat(statusOf(toSam)).isEqualTo(OutboxStatus.SENT);
    assertThat(statusOf(toGroup)).isEqualTo(OutboxStatus.SENT);
  }

  @Test
  void daemonAwayMakesSignalWaitAndNothingIsLost() throws IOException {
    OutboxEntry entry = queue(NORTHSIDE, "hello");
    daemon.stop();
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !client.isConnected());

    assertThat(dispatcher.drain(sender, 10)).isZero();
    assertThat(statusOf(entry)).isEqualTo(OutboxStatus.PENDING);

    daemon.start();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(client::isConnected);
    clock.advance(Duration.ofMinutes(11));
    assertThat(dispatcher.drain(sender, 10)).isEqualTo(1);
  }

  /** A sender like the channel's, telling {@code sentNow} of each send it writes down. */
  private SignalSender writingDownTo(SignalSender.SentNow sentNow) {
    return new SignalSender(
        client, new DirectPacer(clock, Duration.ofSeconds(2)), null, clock, BOT, sentNow);
  }
}
