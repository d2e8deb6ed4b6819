package org.aidbridge.routes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.aidbridge.bot.place.PlaceFinder;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.aidbridge.routes.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The application as `run` starts it, with the email channel against a real mail server. */
class AidBridgeApplicationIT {
  private static final String BOT = "aid@localhost";

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(BOT, BOT, BOT));

  @Test
  void emailChannelRunsRepliesThroughTheOutboxAndReportsHealth() throws Exception {
    Settings settings =
        Settings.of(
            Map.of(
                "imap.url",
                "imap://127.0.0.1:" + mail.getImap().getPort(),
                "smtp.url",
                "smtp://127.0.0.1:" + mail.getSmtp().getPort(),
                "email.address",
                BOT,
                "email.password",
                BOT,
                "imap.poll.ms",
                "100",
                "outbox.poll.ms",
                "50",
                "http.port",
                "0"));
    Clock clock = Clock.systemUTC();
    try (Store store = SqliteStore.open(":memory:")) {
      AppContext context = AppContext.build(settings, store, clock, PlaceFinder.NONE);
      try (AidBridgeApplication app =
          AidBridgeApplication.start(context, ChannelCatalog.standard())) {
        HttpRequest request =
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.healthPort() + "/health"))
                .build();
        // STARTING (503) until the match index is read, which takes a moment on another thread.
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    HttpClient.newHttpClient()
                            .send(request, HttpResponse.BodyHandlers.ofString())
                            .statusCode()
                        == 200);
        HttpResponse<String> health =
            HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode body =
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(health.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("channels").fieldNames()).toIterable().containsExactly("email");

        GreenMailUtil.sendTextEmail(
            BOT, "someone@localhost", "help", "help", mail.getSmtp().getServerSetup());

        await().atMost(Duration.ofSeconds(20)).until(() -> inbox("someone@localhost").length > 0);
        MimeMessage reply = inbox("someone@localhost")[0];
        assertThat(reply.getFrom()[0].toString()).contains(BOT);
        assertThat(reply.getHeader("Auto-Submitted")).containsExactly("auto-replied");
      }
    }
  }

  private static MimeMessage[] inbox(String address) {
    return java.util.Arrays.stream(mail.getReceivedMessages())
        .filter(m -> recipients(m).contains(address))
        .toArray(MimeMessage[]::new);
  }

  private static String recipients(MimeMessage message) {
    try {
      return java.util.Arrays.toString(message.getAllRecipients());
    } catch (jakarta.mail.MessagingException e) {
      return "";
    }
  }
}
