package org.aidbridge.routes.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aidbridge.bot.place.Gazetteer;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.aidbridge.routes.app.AidBridgeApplication;
import org.aidbridge.routes.app.AppContext;
import org.aidbridge.routes.app.ChannelCatalog;
import org.aidbridge.routes.config.Settings;
import org.aidbridge.routes.signal.FakeSignalDaemon;
import org.aidbridge.routes.telegram.FakeBotApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /health} and {@code /metrics} over HTTP, with the application as it runs (its channel
 * catalog) against the channels' test servers: the health endpoint names a channel that is down and
 * answers 503, and the counters move when a message flows.
 */
class HealthAndMetricsIT {
  private static final String BOT_MAIL = "aid@localhost";
  private static final String PASSWORD = "bot-mail-password";
  private static final String BOT_SIGNAL = "+15550001111";
  private static final Gazetteer PLACES = Gazetteer.loadDefault();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Clock clock = Clock.systemUTC();
  private Store store;
  private AidBridgeApplication app;

  @BeforeEach
  void openStore() {
    store = SqliteStore.open(":memory:");
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    store.close();
  }

  @Test
  void healthAnswers503AndNamesSignalWhileItsDaemonCannotBeReached() throws Exception {
    start(
        Map.of(
            "signal.endpoint",
            "tcp://127.0.0.1:" + unusedPort(),
            "health.down.after.seconds",
            "0"));

    await().atMost(Duration.ofSeconds(10)).until(() -> get("/health").statusCode() == 503);
    JsonNode health = JSON.readTree(get("/health").body());

    assertThat(health.path("status").asText()).isEqualTo("DOWN");
    assertThat(health.path("down").toString()).isEqualTo("[\"signal\"]");
    JsonNode connected = health.at("/channels/signal/connected");
    assertThat(connected.path("up").asBoolean()).isFalse();
    assertThat(connected.path("down_since").asText()).isNotEmpty();
    assertThat(connected.path("reason").asText()).isNotEmpty();
    assertThat(health.at("/channels/signal/status").asText()).isEqualTo("DOWN");
    assertThat(health.at("/outbox/depth").asLong()).isZero();
  }

  @Test
  void aTelegramPollerThatLostItsServerAndALostSignalConnectionTurnHealthTo503() throws Exception {
    try (FakeBotApi telegram = new FakeBotApi(clock);
        FakeSignalDaemon signal = FakeSignalDaemon.startTcp().withAccount(BOT_SIGNAL)) {
      Map<String, String> values = new HashMap<>();
      values.put("telegram.token", FakeBotApi.TOKEN);
      values.put("telegram.api.url", telegram.url().toString());
      values.put("telegram.poll.timeout.seconds", "1");
      values.put("signal.endpoint", signal.endpoint().text());
      values.put("signal.account", BOT_SIGNAL);
      values.put("health.down.after.seconds", "0");
      start(values);
      await().atMost(Duration.ofSeconds(20)).until(() -> get("/health").statusCode() == 200);

      // Both still run in the process: the poller polls a server that is gone, the client tries
      // to connect again. Before, /health said UP as long as Camel ran.
      telegram.close();
      signal.close();

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> down(JSON.readTree(get("/health").body())).size() == 2);
      HttpResponse<String> response = get("/health");
      assertThat(response.statusCode()).isEqualTo(503);
      JsonNode health = JSON.readTree(response.body());
      assertThat(down(health)).containsExactlyInAnyOrder("telegram", "signal");
      assertThat(health.at("/channels/telegram/polling/up").asBoolean()).isFalse();
      assertThat(health.at("/channels/telegram/polling/reason").asText()).startsWith("getUpdates");
      assertThat(health.at("/channels/signal/connected/up").asBoolean()).isFalse();
      assertThat(health.at("/channels/signal/connected/last_success").asText()).isNotEmpty();
    }
  }

  @Test
  void healthIsUpWithEveryChannelWorkingAndMetricsCountAMailThatFlows() throws Exception {
    GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    mail.start();
    mail.setUser(BOT_MAIL, BOT_MAIL, PASSWORD);
    try (FakeBotApi telegram = new FakeBotApi(clock);
        FakeSignalDaemon signal = FakeSignalDaemon.startTcp().withAccount(BOT_SIGNAL)) {
      Map<String, String> values = new HashMap<>();
      values.put("imap.url", "imap://127.0.0.1:" + mail.getImap().getPort());
      values.put("smtp.url", "smtp://127.0.0.1:" + mail.getSmtp().getPort());
      values.put("email.address", BOT_MAIL);
      values.put("email.password", PASSWORD);
      values.put("imap.poll.ms", "100");
      values.put("telegram.token", FakeBotApi.TOKEN);
      values.put("telegram.api.url", telegram.url().toString());
      values.put("telegram.poll.timeout.seconds", "1");
      values.put("signal.endpoint", signal.endpoint().text());
      values.put("signal.account", BOT_SIGNAL);
      values.put("health.down.after.seconds", "0");
      start(values);

      await().atMost(Duration.ofSeconds(20)).until(() -> get("/health").statusCode() == 200);
      JsonNode health = JSON.readTree(get("/health").body());
      assertThat(health.path("status").asText()).isEqualTo("UP");
      assertThat(health.at("/channels/telegram/polling/up").asBoolean()).isTrue();
      assertThat(health.at("/channels/telegram/polling/last_success").asText()).isNotEmpty();
      assertThat(health.at("/channels/signal/connected/up").asBoolean()).isTrue();
      assertThat(health.at("/channels/email/imap/last_success").asText()).isNotEmpty();
      assertThat(health.at("/channels/email/smtp/last_success").isNull()).isTrue();

      new PeopleMail(mail, BOT_MAIL).send("ana@example.org", "need: insulin in Portland", "");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> new PeopleMail(mail, BOT_MAIL).to("ana@example.org").size() == 1);

      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> value(metrics(), "aidbridge_messages_out_total{channel=\"email\"}") == 1);
      String metrics = metrics();
      assertThat(value(metrics, "aidbridge_messages_in_total{channel=\"email\"}")).isEqualTo(1);
      assertThat(value(metrics, "aidbridge_sends_total{channel=\"email\",result=\"sent\"}"))
          .isEqualTo(1);
      assertThat(value(metrics, "aidbridge_parse_results_total{kind=\"need\"}")).isPositive();
      assertThat(value(metrics, "aidbridge_listings_total{kind=\"need\"}")).isEqualTo(1);
      assertThat(value(metrics, "aidbridge_handling_seconds_count{channel=\"email\"}"))
          .isEqualTo(1);
      assertThat(value(metrics, "aidbridge_outbox_depth")).isZero();
      assertThat(metrics).contains("routeId=\"email-inbound\"");
      assertThat(
              JSON.readTree(get("/health").body()).at("/channels/email/smtp/last_success").asText())
          .isNotEmpty();
    } finally {
      mail.stop();
    }
  }

  /** The channels a health answer names as down. */
  private static java.util.List<String> down(JsonNode health) {
    java.util.List<String> names = new java.util.ArrayList<>();
    health.path("down").forEach(name -> names.add(name.asText()));
    return names;
  }

  private void start(Map<String, String> values) throws Exception {
    Map<String, String> all = new HashMap<>(values);
    all.put("http.port", "0");
    all.put("outbox.poll.ms", "50");
    all.put("home.country", "US");
    Settings settings = Settings.of(all);
    AppContext context = AppContext.build(settings, store, clock, PLACES);
    app = AidBridgeApplication.start(context, ChannelCatalog.standard());
  }

  private HttpResponse<String> get(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + app.healthPort() + path);
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String metrics() throws Exception {
    HttpResponse<String> response = get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    return response.body();
  }

  /** The value of one series in Prometheus text, 0 when it is absent. */
  private static double value(String metrics, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static int unusedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
