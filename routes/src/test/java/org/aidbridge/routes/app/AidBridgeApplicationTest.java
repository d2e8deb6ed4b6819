package org.aidbridge.routes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Urgency;
import org.aidbridge.bot.outbox.ChannelSender;
import org.aidbridge.bot.outbox.SendOutcome;
import org.aidbridge.bot.place.PlaceFinder;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.aidbridge.routes.config.Settings;
import org.aidbridge.routes.signal.FakeSignalDaemon;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AidBridgeApplicationTest {
  private static final String SIGNAL_ACCOUNT = "+15550001111";
  private static final Map<String, String> SIGNAL_ON =
      Map.of("signal.endpoint", "tcp://127.0.0.1:1", "http.port", "0", "outbox.poll.ms", "20");

  private Store store;

  @BeforeEach
  void openStore() {
    store = SqliteStore.open(":memory:");
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private AppContext context(Map<String, String> values) {
    return AppContext.build(Settings.of(values), store, Clock.systemUTC(), PlaceFinder.NONE);
  }

  @Test
  void healthSaysUpWithTheRunningChannelsAndStopsWithTheApplication() throws Exception {
    AidBridgeApplication app =
        AidBridgeApplication.start(context(SIGNAL_ON), List.of(option(new FlakySender(0))));
    HttpClient http = HttpClient.newHttpClient();
    URI health = URI.create("http://127.0.0.1:" + app.healthPort() + "/health");

    // STARTING (503) until the match index is read, which takes a moment on another thread.
    AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              answer.set(
                  http.send(
                      HttpRequest.newBuilder(health).build(),
                      HttpResponse.BodyHandlers.ofString()));
              return answer.get().statusCode() == 200;
            });
    HttpResponse<String> response = answer.get();
    com.fasterxml.jackson.databind.JsonNode body =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    assertThat(body.path("status").asText()).isEqualTo("UP");
    assertThat(body.path("channels").fieldNames()).toIterable().containsExactly("signal");
    assertThat(body.at("/channels/signal/status").asText()).isEqualTo("UP");
    assertThat(app.channels()).containsExactly("signal");

    app.close();

    assertThatThrownBy(
            () ->
                http.send(
                    HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
    assertThat(app.camel().isStopped()).isTrue();
  }

  @Test
  void aFailingDrainDoesNotStopTheOutboxTimer() throws Exception {
    FlakySender sender = new FlakySender(3);

    try (AidBridgeApplication app =
        AidBridgeApplication.start(context(SIGNAL_ON), List.of(option(sender)))) {
      await().atMost(Duration.ofSeconds(10)).until(() -> sender.calls.get() > 5);
      assertThat(app.camel().getRouteController().getRouteStatus("outbox-signal").isStarted())
          .isTrue();
    }
  }

  @Test
  void housekeepingRunsOnItsTimerAndExpiresListingsPastTheirTime() throws Exception {
    Instant past = Instant.now().minus(Duration.ofDays(20));
    Listing stale =
        store.insertListing(
            new Listing(
                0,
                null,
                Kind.NEED,
                Set.of(Category.FOOD),
                List.of(),
                "need rice",
                null,
                Urgency.NORMAL,
                past,
                past.plus(Duration.ofDays(7)),
                Status.OPEN,
                Address.person(Channel.EMAIL, "ana@example.org"),
                "en",
                null));
    Map<String, String> values = new java.util.HashMap<>(SIGNAL_ON);
    values.put("housekeeping.period.ms", "20");

    try (AidBridgeApplication app =
        AidBridgeApplication.start(context(values), List.of(option(new FlakySender(0))))) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> store.listingById(stale.id()).orElseThrow().status() == Status.EXPIRED);
    }
  }

  @Test
  void aChannelWithoutSettingsIsNotStarted() {
    assertThatThrownBy(
            () ->
                AidBridgeApplication.start(
                    context(Map.of("http.port", "-1")), List.of(option(new FlakySender(0)))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No channel is configured");
  }

  @Test
  void onAFreePortTheDashboardLineNamesThePortTheServerBound() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(AidBridgeApplication.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    int bound;
    try (AidBridgeApplication app =
        AidBridgeApplication.start(context(SIGNAL_ON), List.of(option(new FlakySender(0))))) {
      bound = app.healthPort();
    } finally {
      logger.detachAppender(log);
    }

    assertThat(bound).isPositive();
    assertThat(log.list)
        .filteredOn(e -> e.getFormattedMessage().startsWith("dashboard:"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getFormattedMessage())
                    .startsWith("dashboard: http://127.0.0.1:" + bound + "/ "));
  }

  @Test
  void eachChannelThatIsOffGetsOneInfoLineSayingHowToTurnItOn() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(AidBridgeApplication.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    try (AidBridgeApplication app =
        AidBridgeApplication.start(
            context(SIGNAL_ON),
            List.of(
                option(new FlakySender(0)),
                new ChannelOption(
                    Channel.EMAIL, org.aidbridge.routes.email.EmailChannel::create)))) {
      assertThat(app.channels()).containsExactly("signal");
    } finally {
      logger.detachAppender(log);
    }

    assertThat(log.list)
        .filteredOn(e -> e.getFormattedMessage().startsWith("email is off"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getLevel()).isEqualTo(Level.INFO);
              assertThat(e.getFormattedMessage()).contains("AIDBRIDGE_IMAP_URL");
            });
  }

  @Test
  void healthEndpointCanBeTurnedOff() throws Exception {
    Map<String, String> values = new java.util.HashMap<>(SIGNAL_ON);
    values.put("http.port", "-1");

    try (AidBridgeApplication app =
        AidBridgeApplication.start(context(values), List.of(option(new FlakySender(0))))) {
      assertThat(app.healthPort()).isEqualTo(-1);
    }
  }

  @Test
  void closingEndsTheSignalConnectionBeforeCamelBeginsToStop() throws Exception {
    try (FakeSignalDaemon daemon = FakeSignalDaemon.startTcp().withAccount(SIGNAL_ACCOUNT)) {
      Map<String, String> values =
          Map.of(
              "signal.endpoint",
              daemon.endpoint().text(),
              "signal.account",
              SIGNAL_ACCOUNT,
              "http.port",
              "-1");
      AidBridgeApplication app =
          AidBridgeApplication.start(context(values), ChannelCatalog.standard());
      await().atMost(Duration.ofSeconds(10)).until(() -> daemon.connectedClients() == 1);
      // signal-cli acknowledges a message to Signal's servers before it writes it to the socket:
      // one it writes while the routes stop must find no connection, so that it waits for the next.
      AtomicReference<Boolean> goneWhenCamelStops = new AtomicReference<>();
      EventNotifierSupport watch =
          new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
              if (event instanceof CamelEvent.CamelContextStoppingEvent) {
                goneWhenCamelStops.compareAndSet(null, noClientWithin(daemon));
              }
            }
          };
      watch.start();
      app.camel().getManagementStrategy().addEventNotifier(watch);

      app.close();

      assertThat(goneWhenCamelStops.get()).isTrue();
    }
  }

  /** Whether the daemon has no client left, waiting a moment for it to see the socket close. */
  private static boolean noClientWithin(FakeSignalDaemon daemon) {
    try {
      await().atMost(Duration.ofSeconds(5)).until(() -> daemon.connectedClients() == 0);
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  private static ChannelOption option(ChannelSender sender) {
    return SignalWithoutIntake.option(sender);
  }

  /** A sender whose first calls fail before the dispatcher can even ask the store. */
  static final class FlakySender implements ChannelSender {
    final AtomicInteger calls = new AtomicInteger();
    private final int failures;

    FlakySender(int failures) {
      this.failures = failures;
    }

    @Override
    public Channel channel() {
      if (calls.incrementAndGet() <= failures) {
        throw new IllegalStateException("the channel is not ready");
      }
      return Channel.SIGNAL;
    }

    @Override
    public SendOutcome send(OutboxEntry entry) {
      return new SendOutcome.Sent("sent-" + entry.id());
    }
  }
}
