package org.aidbridge.routes.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.store.SqliteStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The yes/no question about a half-clear message on Signal, in English, Spanish and Persian: the
 * fake daemon, the Signal routes, the real core with SQLite and the outbox, as the app runs them.
 * Signal has no buttons: the choices are written under the question and answered by typing.
 */
class SignalConfidenceIT {
  private static final String[] PEOPLE = {
    "7ccae375-cd51-4c82-8b1e-7be3280aa485",
    "0b9a4f1e-6f7e-4bde-9a43-3c1f0f1d2e55",
    "5d2e8a10-3b7c-4e1a-9f00-aa11bb22cc33"
  };
  private static final String[] TEXTS = {
    "I need some help with something this week",
    "puede que necesite ayuda con algo esta semana",
    "یه کار کوچیک دارم کمک لازمه"
  };
  private static final String[] QUESTIONS = {
    "Is this something you need?", "¿Es algo que necesitas?", "این چیزی است که لازم دارید؟"
  };
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private final AtomicLong timestamps = new AtomicLong(System.currentTimeMillis());
  private SignalAppUnderTest app;
  private FakeSignalDaemon daemon;
  private SqliteStore store;

  @BeforeEach
  void start() throws Exception {
    daemon = FakeSignalDaemon.startTcp().withAccount(SignalAppUnderTest.BOT);
    app = new SignalAppUnderTest(daemon, dir, Map.of());
    store = app.store;
  }

  @AfterEach
  void stop() throws IOException {
    app.close();
  }

  @Test
  void aHalfClearMessageGetsOneQuestionInItsLanguageAndTheTypedAnswerDecides() {
    for (int i = 0; i < PEOPLE.length; i++) {
      daemon.push(
          SignalEnvelopes.text(timestamps.incrementAndGet(), PEOPLE[i], null, TEXTS[i], null));
    }
    for (int i = 0; i < PEOPLE.length; i++) {
      String uuid = PEOPLE[i];
      await().atMost(WAIT).until(() -> !deliveredTo(uuid).isEmpty());
      assertThat(text(deliveredTo(uuid).get(0))).startsWith(QUESTIONS[i]);
      assertThat(store.activeListingsOf(person(uuid))).isEmpty();
    }

    String[] answers = {"yes", "sí", "نه"};
    for (int i = 0; i < PEOPLE.length; i++) {
      daemon.push(
          SignalEnvelopes.text(timestamps.incrementAndGet(), PEOPLE[i], null, answers[i], null));
    }

    for (int i = 0; i < 2; i++) {
      String uuid = PEOPLE[i];
      String asked = TEXTS[i];
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(store.activeListingsOf(person(uuid)))
                      .singleElement()
                      .satisfies(
                          l -> {
                            assertThat(l.kind()).isEqualTo(Kind.NEED);
                            assertThat(l.text()).isEqualTo(asked);
                          }));
    }
    await().atMost(WAIT).until(() -> deliveredTo(PEOPLE[2]).size() >= 2);
    assertThat(text(deliveredTo(PEOPLE[2]).get(1))).isEqualTo("باشه، چیزی ثبت نکردم.");
    assertThat(store.activeListingsOf(person(PEOPLE[2]))).isEmpty();
  }

  private static Address person(String uuid) {
    return Address.person(Channel.SIGNAL, uuid);
  }

  private List<JsonNode> deliveredTo(String uuid) {
    return daemon.deliveredSends().stream()
        .filter(s -> uuid.equals(s.path("recipient").path(0).asText()))
        .toList();
  }

  private static String text(JsonNode send) {
    return send.path("message").asText();
  }
}
