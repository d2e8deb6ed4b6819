package org.aidbridge.routes.scenario;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.place.Gazetteer;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.aidbridge.routes.app.AidBridgeApplication;
import org.aidbridge.routes.app.AppContext;
import org.aidbridge.routes.app.ChannelCatalog;
import org.aidbridge.routes.config.BotSettingsFactory;
import org.aidbridge.routes.config.Settings;
import org.aidbridge.routes.signal.FakeSignalDaemon;
import org.aidbridge.routes.signal.SignalEnvelopes;
import org.aidbridge.routes.telegram.FakeBotApi;

/**
 * AidBridge as it runs, with all three channels at once against their test servers on free ports:
 * GreenMail (SMTP and IMAP), the fake Telegram Bot API (spoken to by the real TelegramBots client)
 * and the fake signal-cli daemon; one SQLite file; the real {@link AidBridgeApplication} with its
 * outbox timers. Time is real time plus an offset the test can move ({@link #clock()}).
 */
final class CrossChannelHarness implements AutoCloseable {
  static final String BOT_MAIL = "aid@localhost";
  static final String BOT_MAIL_PASSWORD = "bot-mail-password";
  static final String BOT_SIGNAL = "+15550001111";
  static final String SECRET = "Pelican-4417-coordinator-secret";
  static final String COORDINATOR_MAIL = "coord@example.org";
  static final long COORDINATOR_TELEGRAM = 9191827364L;

  /** The receiving mail server whose Authentication-Results headers the bot trusts. */
  static final String TRUSTED_MX = "mx.aidbridge.test";

  private static final Gazetteer PLACES = Gazetteer.loadDefault();

  private final OffsetClock clock = new OffsetClock();
  private final AtomicLong signalTimestamps = new AtomicLong(System.currentTimeMillis());
  private final Path database;
  private final GreenMail greenMail;
  private final PeopleMail mail;
  private final FakeBotApi telegram;
  private final FakeSignalDaemon signal;
  private final Settings settings;
  private final SqliteStore store;
  private final AidBridgeApplication app;

  CrossChannelHarness(Path dir) throws Exception {
    this(dir, Map.of());
  }

  /** The harness with some settings changed, such as {@code http.port} for the dashboard. */
  CrossChannelHarness(Path dir, Map<String, String> overrides) throws Exception {
    database = dir.resolve("aidbridge.db");
    greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    greenMail.start();
    greenMail.setUser(BOT_MAIL, BOT_MAIL, BOT_MAIL_PASSWORD);
    mail = new PeopleMail(greenMail, BOT_MAIL);
    telegram = new FakeBotApi(clock);
    signal = FakeSignalDaemon.startTcp().withAccount(BOT_SIGNAL);
    settings = settings().with(overrides);
    store = SqliteStore.open(database.toString());
    AppContext context = AppContext.build(settings, store, clock, PLACES);
    app = AidBridgeApplication.start(context, ChannelCatalog.standard());
    await().atMost(Duration.ofSeconds(20)).until(() -> signal.connectedClients() == 1);
  }

  private Settings settings() {
    Map<String, String> values = new HashMap<>();
    values.put("http.port", "-1");
    values.put("outbox.poll.ms", "100");
    values.put("home.country", "US");
    values.put("coordinators", "email:" + COORDINATOR_MAIL + ",telegram:" + COORDINATOR_TELEGRAM);
    values.put("coordinator.secret", SECRET);
    values.put("email.trusted.authserv", TRUSTED_MX);
    values.put("escalation.rings", "25km@0h,150km@24h,country@72h");
    values.put("imap.url", "imap://127.0.0.1:" + greenMail.getImap().getPort());
    values.put("smtp.url", "smtp://127.0.0.1:" + greenMail.getSmtp().getPort());
    values.put("email.address", BOT_MAIL);
    values.put("email.password", BOT_MAIL_PASSWORD);
    values.put("imap.poll.ms", "200");
    values.put("telegram.token", FakeBotApi.TOKEN);
    values.put("telegram.api.url", telegram.url().toString());
    values.put("telegram.poll.timeout.seconds", "1");
    values.put("signal.endpoint", signal.endpoint().text());
    values.put("signal.account", BOT_SIGNAL);
    values.put("signal.direct.pace.seconds", "0");
    values.put("signal.request.timeout.seconds", "5");
    return Settings.of(values);
  }

  // --- the parts ---

  OffsetClock clock() {
    return clock;
  }

  Store store() {
    return store;
  }

  /** The port of the health endpoint and the dashboard, or -1 when off. */
  int httpPort() {
    return app.healthPort();
  }

  Path database() {
    return database;
  }

  PeopleMail mail() {
    return mail;
  }

  FakeBotApi telegram() {
    return telegram;
  }

  FakeSignalDaemon signal() {
    return signal;
  }

  /** What time brings, run now on the harness's clock, as the application's schedule would. */
  List<OutboundMessage> housekeeping() {
    return Bots.housekeeping(store, BotSettingsFactory.from(settings), clock).run(clock.instant());
  }

  // --- Signal messages, as the daemon pushes them ---

  /** A text from a Signal user: direct when {@code groupId} is null. Returns its timestamp. */
  long signalText(String uuid, String number, String text, String groupId) {
    ObjectNode params =
        SignalEnvelopes.text(signalTimestamps.incrementAndGet(), uuid, number, text, groupId);
    signal.push(params);
    return params.at("/envelope/timestamp").asLong();
  }

  /** A direct Signal message quoting the bot's message sent with {@code quotedTimestamp}. */
  void signalQuote(String uuid, String number, String text, String quotedTimestamp) {
    ObjectNode params =
        SignalEnvelopes.text(signalTimestamps.incrementAndGet(), uuid, number, text, null);
    ((ObjectNode) params.at("/envelope/dataMessage"))
        .putObject("quote")
        .put("id", Long.parseLong(quotedTimestamp))
        .put("author", BOT_SIGNAL)
        .put("authorNumber", BOT_SIGNAL)
        .put("text", "");
    signal.push(params);
  }

  // --- what the bot delivered, on all channels ---

  /** Every message the three test servers received from the bot, in order per channel. */
  List<Delivered> delivered() {
    return Delivered.collect(mail, telegram, signal);
  }

  /** The messages delivered to one {@code channel:id}. */
  List<Delivered> deliveredTo(String recipient) {
    return delivered().stream().filter(d -> d.recipient().equals(recipient)).toList();
  }

  @Override
  public void close() throws IOException {
    try {
      app.close();
    } finally {
      store.close();
      telegram.close();
      signal.close();
      greenMail.stop();
    }
  }
}
