package org.aidbridge.routes.email;

import com.icegreen.greenmail.base.GreenMailOperations;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.outbox.OutboxDispatcher;
import org.aidbridge.bot.place.Gazetteer;
import org.aidbridge.bot.place.PlaceFinder;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.aidbridge.routes.app.AppContext;
import org.aidbridge.routes.config.Settings;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The bot as it runs by email: the real SQLite store and bot, the email channel's routes and an
 * outbox drain on a timer, against a GreenMail server. Stopping and starting it again on the same
 * database is a restart.
 */
final class EmailHarness implements AutoCloseable {
  static final String BOT = "aid@localhost";
  static final String BOT_PASSWORD = "bot-secret";

  /** The real gazetteer, loaded once for all tests. */
  private static final PlaceFinder PLACES = Gazetteer.loadDefault();

  private final GreenMailOperations mail;
  private final Path database;
  private Store store;
  private CamelContext camel;

  EmailHarness(GreenMailOperations mail, Path database) {
    this.mail = mail;
    this.database = database;
  }

  /** Starts the bot, after a crash or for the first time. */
  EmailHarness start() throws Exception {
    return start(null);
  }

  /**
   * Starts the bot with {@code beforeStoring} run on each mail just before it is handed to the bot
   * (to make the bot die at that moment), or null for a normal start.
   */
  EmailHarness start(Processor beforeStoring) throws Exception {
    Clock clock = Clock.systemUTC();
    store = SqliteStore.open(database.toString());
    AppContext ctx = AppContext.build(settings(), store, clock, PLACES);
    BotService bot = ctx.bot();
    OutboxDispatcher dispatcher = ctx.dispatcher();
    EmailChannel channel = EmailChannel.create(ctx);

    camel = new DefaultCamelContext();
    camel.addRoutes(channel.routes());
    camel.addRoutes(outboxDrain(channel, dispatcher));
    if (beforeStoring != null) {
      AdviceWith.adviceWith(
          camel,
          EmailChannel.inboundRouteId(),
          route -> route.weaveById(EmailRoutes.HAND_TO_BOT_STEP).before().process(beforeStoring));
    }
    bot.resumePending();
    camel.start();
    return this;
  }

  Store store() {
    return store;
  }

  /** Stops the bot; the database stays for the next start. */
  @Override
  public void close() {
    if (camel != null) {
      camel.stop();
      camel = null;
    }
    if (store != null) {
      store.close();
      store = null;
    }
  }

  private Settings settings() {
    return Settings.of(
        Map.of(
            "imap.url",
            "imap://127.0.0.1:" + mail.getImap().getPort(),
            "smtp.url",
            "smtp://127.0.0.1:" + mail.getSmtp().getPort(),
            "email.address",
            BOT,
            "email.password",
            BOT_PASSWORD,
            "imap.poll.ms",
            "100"));
  }

  /** What the application does for every channel: drain its outbox on a timer. */
  private static RouteBuilder outboxDrain(EmailChannel channel, OutboxDispatcher dispatcher) {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("timer:email-outbox?period=100")
            .routeId("email-outbox")
            .process(exchange -> dispatcher.drain(channel.sender(), 20));
      }
    };
  }
}
