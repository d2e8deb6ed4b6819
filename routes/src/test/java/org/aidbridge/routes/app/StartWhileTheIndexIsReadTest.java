package org.aidbridge.routes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aidbridge.bot.match.MatchIndex;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Item;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Urgency;
import org.aidbridge.bot.outbox.ChannelSender;
import org.aidbridge.bot.outbox.SendOutcome;
import org.aidbridge.bot.place.Gazetteer;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.aidbridge.routes.config.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The application opens its channels and its health endpoint while the match index is still read
 * from the store: {@code /health} says STARTING (HTTP 503) until the index is complete, a message
 * handled meanwhile is matched against every active listing (never against the part read so far),
 * and housekeeping waits for the index. The index's reading is held back here by hand.
 */
class StartWhileTheIndexIsReadTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Place PORTLAND = new Place("Portland", "Portland", "US", 45.52, -122.68);

  private final Store store = SqliteStore.open(":memory:");
  private final List<Runnable> heldFill = new ArrayList<>();

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void healthSaysStartingUntilTheIndexIsCompleteAndAMessageMeanwhileIsMatchedAgainstAllOfIt()
      throws Exception {
    Listing offer = store.insertListing(listing(Kind.OFFER, "can give insulin", Instant.now()));
    MatchIndex index = MatchIndex.of(store, heldFill::add); // read nothing yet
    AppContext context = context(Map.of());

    try (AidBridgeApplication app = AidBridgeApplication.start(context, List.of(signal()))) {
      HttpResponse<String> starting = health(app);
      assertThat(starting.statusCode()).isEqualTo(503);
      JsonNode body = JSON.readTree(starting.body());
      assertThat(body.path("status").asText()).isEqualTo("STARTING");
      assertThat(body.path("match_index").asText()).isEqualTo("reading");
      assertThat(index.complete()).isFalse();

      context
          .bot()
          .handle(
              InboundMessage.direct(
                  Address.person(Channel.SIGNAL, "+15550002222"),
                  "m1",
                  "I need insulin in Portland",
                  Instant.now()));

      assertThat(store.matchesOf(offer.id())).as("the offer, never read into the index").hasSize(1);
      assertThat(index.complete()).as("the handling read the rest of the index first").isTrue();
      HttpResponse<String> up = health(app);
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(up.body()).path("status").asText()).isEqualTo("UP");
      assertThat(JSON.readTree(up.body()).has("match_index")).isFalse();
    }
  }

  @Test
  void housekeepingWaitsForTheIndexAndRunsOnceItIsComplete() throws Exception {
    Instant past = Instant.now().minus(Duration.ofDays(20));
    Listing stale = store.insertListing(listing(Kind.NEED, "need insulin", past));
    MatchIndex.of(store, heldFill::add);
    AppContext context = context(Map.of("housekeeping.period.ms", "20"));

    try (AidBridgeApplication app = AidBridgeApplication.start(context, List.of(signal()))) {
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(5))
          .until(() -> store.listingById(stale.id()).orElseThrow().status() == Status.OPEN);
      assertThat(health(app).statusCode()).isEqualTo(503);

      heldFill.forEach(Runnable::run); // the index is read now

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> store.listingById(stale.id()).orElseThrow().status() == Status.EXPIRED);
      await().atMost(Duration.ofSeconds(10)).until(() -> health(app).statusCode() == 200);
    }
  }

  private AppContext context(Map<String, String> extra) {
    Map<String, String> values =
        new HashMap<>(
            Map.of(
                "signal.endpoint", "tcp://127.0.0.1:1", "http.port", "0", "outbox.poll.ms", "20"));
    values.putAll(extra);
    return AppContext.build(Settings.of(values), store, Clock.systemUTC(), Gazetteer.loadDefault());
  }

  /** Signal, as far as the application sees it: no intake, and every send succeeds. */
  private static ChannelOption signal() {
    ChannelSender sender =
        new ChannelSender() {
          @Override
          public Channel channel() {
            return Channel.SIGNAL;
          }

          @Override
          public SendOutcome send(OutboxEntry entry) {
            return new SendOutcome.Sent("sent-" + entry.id());
          }
        };
    return SignalWithoutIntake.option(sender);
  }

  private static HttpResponse<String> health(AidBridgeApplication app) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + app.healthPort() + "/health");
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Listing listing(Kind kind, String text, Instant created) {
    return new Listing(
        0,
        null,
        kind,
        Set.of(Category.MEDICINE),
        List.of(Item.named("insulin")),
        text,
        PORTLAND,
        Urgency.NORMAL,
        created,
        created.plus(Duration.ofDays(7)),
        Status.OPEN,
        Address.person(Channel.SIGNAL, kind == Kind.NEED ? "+15550003333" : "+15550004444"),
        "en",
        null);
  }
}
