package org.aidbridge.routes.telegram;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.outbox.OutboxDispatcher;
import org.aidbridge.bot.place.Gazetteer;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.routes.app.AppContext;
import org.aidbridge.routes.config.Settings;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One run of AidBridge with only the Telegram channel, as the application wires it: the real store
 * on a file, the real core, the channel's routes in a Camel context and an outbox timer. {@link
 * #kill()} ends it without any goodbye; a new one on the same file is the restart.
 */
final class TelegramBotProcess implements AutoCloseable {
  final SqliteStore store;
  final BotService bot;
  final TelegramChannel channel;
  private final CamelContext camel;

  TelegramBotProcess(Path db, FakeBotApi api) throws Exception {
    this(db, api, Map.of());
  }

  /**
   * @param settings the application's settings beyond the defaults, as in the properties file
   */
  TelegramBotProcess(Path db, FakeBotApi api, Map<String, String> settings) throws Exception {
    Clock clock = Clock.systemUTC();
    store = SqliteStore.open(db.toString());
    AppContext context =
        AppContext.build(Settings.of(settings), store, clock, Gazetteer.loadDefault());
    bot = context.bot();
    OutboxDispatcher dispatcher = context.dispatcher();
    channel =
        new TelegramChannel(
            new TelegramSettings(FakeBotApi.TOKEN, api.url(), null, Duration.ofSeconds(2)),
            store,
            bot,
            clock);
    camel = new DefaultCamelContext();
    camel.addRoutes(channel.routes());
    camel.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            // As OutboxRoutes drains, on a shorter tick.
            from("timer:outbox-telegram?period=20")
                .process(e -> dispatcher.drainFor(channel.sender(), 50, Duration.ofSeconds(5)));
          }
        });
    bot.resumePending();
    camel.start();
  }

  /** Stops the Camel context, polling and the store, without waiting for the outbox to empty. */
  void kill() {
    camel.stop();
    channel.close();
    store.close();
  }

  @Override
  public void close() {
    if (!camel.isStopped()) {
      kill();
    }
  }
}
