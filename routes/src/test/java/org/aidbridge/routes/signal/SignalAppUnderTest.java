package org.aidbridge.routes.signal;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.aidbridge.bot.outbox.Backoff;
import org.aidbridge.bot.outbox.OutboxDispatcher;
import org.aidbridge.bot.place.Gazetteer;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.routes.app.AppContext;
import org.aidbridge.routes.config.Settings;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * AidBridge with only its Signal channel, as the app runs it: the Signal routes, the real core on
 * SQLite, and the outbox drained by the dispatcher on a timer, against a fake daemon.
 */
final class SignalAppUnderTest implements AutoCloseable {
  static final String BOT = "+15550001111";

  final FakeSignalDaemon daemon;
  final SqliteStore store;
  final SignalChannel channel;
  private final DefaultCamelContext camel;

  SignalAppUnderTest(FakeSignalDaemon daemon, Path dir, Map<String, String> moreSettings)
      throws Exception {
    this.daemon = daemon;
    this.store = SqliteStore.open(dir.resolve("aidbridge.db").toString());
    Clock clock = Clock.systemUTC();
    Gazetteer places = Gazetteer.loadDefault();
    Map<String, String> values = new HashMap<>();
    values.put("signal.endpoint", daemon.endpoint().text());
    values.put("signal.account", BOT);
    values.put("signal.direct.pace.seconds", "0.05");
    values.put("signal.request.timeout.seconds", "5");
    values.putAll(moreSettings);
    AppContext context = AppContext.build(Settings.of(values), store, clock, places);
    OutboxDispatcher dispatcher = context.dispatcher();
    this.channel =
        SignalChannel.create(context, new Backoff(Duration.ofMillis(50), Duration.ofMillis(300)));
    this.camel = new DefaultCamelContext();
    camel.addRoutes(channel.routes());
    camel.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("timer:signal-outbox?period=50")
                .process(e -> dispatcher.drain(channel.sender(), 20));
          }
        });
    camel.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> daemon.connectedClients() == 1);
  }

  /** Stops AidBridge as the application does (receiving first), leaving the daemon running. */
  void stop() {
    channel.stopReceiving();
    camel.stop();
    channel.close();
    store.close();
  }

  @Override
  public void close() throws IOException {
    if (!camel.isStopped()) {
      stop();
    }
    daemon.close();
  }
}
