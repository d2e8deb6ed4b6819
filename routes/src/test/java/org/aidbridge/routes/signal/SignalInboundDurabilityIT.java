package org.aidbridge.routes.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.aidbridge.bot.model.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * signal-cli acknowledged every message to Signal's servers before writing it to us, so a message
 * the bot read is the bot's to keep: stored before the next one is read, never dropped when
 * handling it fails, and handled after a stop.
 */
class SignalInboundDurabilityIT {
  private static final String LEE = "5d2e8a10-3b7c-4e1a-9f00-aa11bb22cc33";
  private static final String LEE_NUMBER = "+15550003333";
  private static final String ROSA = "7ccae375-cd51-4c82-8b1e-7be3280aa485";
  private static final String NORTHSIDE = "sb3/B9ivar+24qa83boax=";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Map<String, String> QUICK_TIMEOUT =
      Map.of("signal.request.timeout.seconds", "1");

  @TempDir Path dir;
  private final AtomicLong timestamps = new AtomicLong(System.currentTimeMillis());
  private FakeSignalDaemon daemon;
  private SignalAppUnderTest app;

  @BeforeEach
  void start() throws Exception {
    daemon = FakeSignalDaemon.startTcp().withAccount(SignalAppUnderTest.BOT);
    app = new SignalAppUnderTest(daemon, dir, QUICK_TIMEOUT);
  }

  @AfterEach
  void stop() throws Exception {
    app.close();
  }

  @Test
  void aGroupCommandThatCannotBeHandledWhileTheDaemonHangsIsKeptAndHandledWhenItAnswers() {
    daemon.silent(true);
    daemon.push(SignalEnvelopes.text(next(), LEE, LEE_NUMBER, "/subscribe Portland 50", NORTHSIDE));

    await().atMost(WAIT).until(() -> listGroupsRequests() >= 2);
    daemon.silent(false);

    await().atMost(WAIT).until(() -> app.store.subscriptions().size() == 1);
  }

  @Test
  void forgettingErasesWhatThePersonSentThatWaitsForAnotherTry() {
    daemon.silent(true);
    daemon.push(SignalEnvelopes.text(next(), LEE, LEE_NUMBER, "/subscribe Portland 50", NORTHSIDE));
    await().atMost(WAIT).until(() -> listGroupsRequests() >= 2); // tried, failed, waits

    daemon.push(SignalEnvelopes.text(next(), LEE, LEE_NUMBER, "forget confirm", null));

    await().atMost(WAIT).until(() -> app.store.rawInboundCount(Channel.SIGNAL) == 0);
    daemon.silent(false);
    await().atMost(WAIT).until(() -> !sendsTo(LEE).isEmpty()); // the "forgotten" answer
    daemon.push(SignalEnvelopes.text(next(), ROSA, null, "help", null));
    await().atMost(WAIT).until(() -> !sendsTo(ROSA).isEmpty());
    assertThat(app.store.subscriptions()).as("the waiting group command went with Lee").isEmpty();
  }

  @Test
  void whatWasReadBeforeAStopIsHandledAfterTheRestart() throws Exception {
    daemon.silent(true);
    daemon.push(SignalEnvelopes.text(next(), LEE, LEE_NUMBER, "/subscribe Portland 50", NORTHSIDE));
    daemon.push(SignalEnvelopes.text(next(), ROSA, null, "help", null));
    await().atMost(WAIT).until(() -> listGroupsRequests() >= 1);

    app.stop();
    daemon.silent(false);
    app = new SignalAppUnderTest(daemon, dir, QUICK_TIMEOUT);

    await().atMost(WAIT).until(() -> app.store.subscriptions().size() == 1);
    await().atMost(WAIT).until(() -> !sendsTo(ROSA).isEmpty());
  }

  @Test
  void aHundredKilobyteTextFullOfControlCharactersIsKeptCappedAndClean() throws SQLException {
    String junk = "need 2 bags of rice in Portland \u0000\u0007\u001b" + "x\u0001".repeat(50_000);

    daemon.push(SignalEnvelopes.text(next(), ROSA, null, junk, null));

    await().atMost(WAIT).until(() -> !sendsTo(ROSA).isEmpty());
    String stored = storedText();
    assertThat(stored).hasSizeLessThanOrEqualTo(10_000).startsWith("need 2 bags of rice");
    assertThat(stored.chars().filter(c -> c < 0x20 && c != '\n' && c != '\t')).isEmpty();
  }

  private long next() {
    return timestamps.incrementAndGet();
  }

  private long listGroupsRequests() {
    return daemon.requests().stream()
        .filter(r -> r.path("method").asText().equals("listGroups"))
        .count();
  }

  private java.util.List<JsonNode> sendsTo(String uuid) {
    return daemon.deliveredSends().stream()
        .filter(s -> uuid.equals(s.path("recipient").path(0).asText()))
        .toList();
  }

  private String storedText() throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("aidbridge.db"));
        ResultSet row = db.createStatement().executeQuery("SELECT text FROM inbox")) {
      assertThat(row.next()).isTrue();
      return row.getString(1);
    }
  }
}
