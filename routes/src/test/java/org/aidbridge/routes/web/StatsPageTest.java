package org.aidbridge.routes.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.place.Gazetteer;
import org.aidbridge.bot.store.DashboardSession;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stats page's dead letters and channel states, and a retry posted to {@link Pages} over a real
 * HTTP server, against a real SQLite store in memory.
 */
class StatsPageTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final Address ANA = Address.person(Channel.EMAIL, "ana@example.org");
  private static final String CSRF = "csrf-token-of-this-session";

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private Store store;
  private WebContext context;
  private HttpServer server;

  @BeforeEach
  void open() {
    store = SqliteStore.open(":memory:");
    BotSettings bot = BotSettings.DEFAULT;
    List<ChannelState> states =
        List.of(
            new ChannelState(
                "email",
                false,
                List.of(
                    new ChannelState.Probe("imap", true, null),
                    new ChannelState.Probe("smtp", false, "connection refused"))));
    context =
        new WebContext(
            store,
            Bots.dashboardAccess(store, bot, clock),
            Bots.desk(store, bot, clock, Gazetteer.loadDefault()),
            new WebSettings("127.0.0.1", 0, "http://127.0.0.1", ""),
            bot,
            List.of("email"),
            () -> true,
            () -> states,
            clock);
  }

  @AfterEach
  void close() throws Exception {
    if (server != null) {
      server.stop(0);
    }
    store.close();
  }

  @Test
  void aDeadLetterIsListedWithoutItsAddressOrTextAndItsRetryFormCarriesTheCsrfToken() {
    long id = deadLetter();

    String page = StatsPage.render(context, WebText.of("en"), CSRF, "");

    assertThat(page)
        .contains(
            "<tr data-id=\"" + id + "\"><th scope=\"row\">#" + id + "</th><td>email</td>",
            "a person",
            "2026-03-01 10:00 UTC",
            "550 5.7.1 refused",
            "action=\"/stats/retry\"")
        .doesNotContain("ana@example.org", "call me at");
    String form = page.substring(page.indexOf("action=\"/stats/retry\""));
    assertThat(form.substring(0, form.indexOf("</form>")))
        .contains("name=\"csrf\" value=\"" + CSRF + "\"", "name=\"id\" value=\"" + id + "\"");
  }

  @Test
  void eachChannelShowsItsProbesAsTheHealthEndpointSeesThemWithTheReasonOfThoseDown() {
    String page = StatsPage.render(context, WebText.of("en"), CSRF, "");

    String outbox = page.substring(page.indexOf("id=\"outbox\""));
    outbox = outbox.substring(0, outbox.indexOf("</table>"));
    assertThat(outbox)
        .contains("<strong class=\"down\">down</strong>")
        .contains("<li data-probe=\"imap\"><bdi>imap</bdi>: up</li>")
        .contains("<bdi>smtp</bdi>: down (<bdi>connection refused</bdi>)")
        .doesNotContain("running");
    assertThat(StatsPage.render(context, WebText.of("en"), CSRF, "")).contains("No dead letters.");
  }

  @Test
  void aRetryPostedToThePagesPutsTheDeadLetterBackInTheQueueOnce() throws Exception {
    long id = deadLetter();
    URI base = serve();
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> retried = http.send(post(base, "id=" + id), bodyAsString());

    assertThat(retried.headers().firstValue("Location")).contains("/stats?retried=" + id);
    assertThat(store.deadLetters(10)).isEmpty();
    assertThat(store.dueOutbox(Channel.EMAIL, NOW, 10)).extracting(e -> e.id()).containsExactly(id);
    HttpResponse<String> stats =
        http.send(
            HttpRequest.newBuilder(base.resolve("/stats?retried=" + id)).build(), bodyAsString());
    assertThat(stats.body())
        .contains("#" + id + " is back in the outbox", "No dead letters.")
        .doesNotContain("data-id=\"" + id + "\"");

    HttpResponse<String> again = http.send(post(base, "id=" + id), bodyAsString());
    assertThat(again.headers().firstValue("Location")).contains("/stats?unknown=" + id);
    assertThat(store.dueOutbox(Channel.EMAIL, NOW, 10)).hasSize(1);
  }

  private long deadLetter() {
    long id = store.enqueue(OutboundMessage.to(ANA, "call me at 555", "en"), NOW).id();
    store.markDeadLetter(id, "550 5.7.1 refused");
    return id;
  }

  /**
   * The pages behind a real HTTP server, signed in; the CSRF check before them is not this test's.
   */
  private URI serve() throws Exception {
    Pages pages = new Pages(context);
    DashboardSession session = new DashboardSession("hash", ANA, CSRF, NOW.plusSeconds(3600));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            pages.serve(new WebExchange(exchange), WebText.of("en"), session);
          }
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static HttpRequest post(URI base, String form) {
    return HttpRequest.newBuilder(base.resolve("/stats/retry"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("csrf=" + CSRF + "&" + form))
        .build();
  }

  private static HttpResponse.BodyHandler<String> bodyAsString() {
    return HttpResponse.BodyHandlers.ofString();
  }
}
