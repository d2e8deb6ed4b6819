package org.aidbridge.routes.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import okhttp3.OkHttpClient;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.outbox.ChannelSender;
import org.aidbridge.bot.port.ChannelMemory;
import org.aidbridge.routes.app.AppContext;
import org.aidbridge.routes.app.ChannelAdapter;
import org.aidbridge.routes.app.ChannelHealth;
import org.aidbridge.routes.app.ChannelProbe;
import org.aidbridge.routes.app.RawInbox;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The Telegram channel: long polling in, {@code sendMessage} out, through the TelegramBots client
 * pointed at {@code telegram.api.url}. Built with {@link #create(AppContext)} when {@code
 * telegram.token} is set.
 */
public final class TelegramChannel implements ChannelAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramChannel.class);
  private static final Duration ADMIN_CACHE = Duration.ofMinutes(1);

  private final TelegramSettings settings;
  private final Clock clock;
  private final OkHttpClient sendHttp;
  private final OkHttpClient pollHttp;
  private final OkHttpTelegramClient client;
  private final TelegramSender sender;
  private final UpdateActions actions;
  private final UpdateOffset offset;
  private final RawInbox inbox;
  private volatile UpdateTranslator translator;
  private UpdatePoller poller;
  // False on an instance that stands by while another polls Telegram (see standBy()).
  private volatile boolean receiving = true;

  /** Updates that may wait, stored, before polling pauses. */
  static final int MAX_WAITING = 1_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  public static TelegramChannel create(AppContext app) {
    TelegramSettings settings = TelegramSettings.from(app.settings());
    return new TelegramChannel(
        settings,
        app.channelMemory(),
        app.bot(),
        app.clock(),
        app.health().repeating(Channel.TELEGRAM, "polling", PollHealth.staleAfter(settings)));
  }

  public TelegramChannel(
      TelegramSettings settings, ChannelMemory store, BotService bot, Clock clock) {
    this(
        settings,
        store,
        bot,
        clock,
        new ChannelHealth(clock).probe(Channel.TELEGRAM, "polling", false));
  }

  /**
   * @param polling told of every getUpdates answer, for {@code /health}
   */
  public TelegramChannel(
      TelegramSettings settings,
      ChannelMemory store,
      BotService bot,
      Clock clock,
      ChannelProbe polling) {
    this.settings = settings;
    this.clock = clock;
    this.sendHttp = SendingHttp.client(Duration.ofSeconds(30));
    this.pollHttp =
        new OkHttpClient.Builder()
            .readTimeout(settings.pollTimeout().plusSeconds(30))
            .callTimeout(settings.pollTimeout().plusSeconds(45))
            .addInterceptor(new PollHealth(polling))
            .build();
    this.client = new OkHttpTelegramClient(sendHttp, settings.token(), settings.telegramUrl());
    this.sender =
        new TelegramSender(client, new RateLimiter(clock), clock, store::moveGroup, store);
    this.actions = new UpdateActions(bot, store, client);
    this.offset = new UpdateOffset(store, clock);
    this.inbox =
        new RawInbox(
            Channel.TELEGRAM,
            store,
            clock,
            bot,
            this::translateStored,
            TelegramChannel::sentBy,
            () -> translator != null,
            Duration.ofMillis(200),
            Duration.ofMinutes(5),
            MAX_WAITING);
    bot.register(inbox); // what a forgotten person sent that still waits goes too
  }

  /**
   * Whether a stored update was sent by the person with this id: the {@code from} of whatever it
   * carries (a message, an edit, a button press); false for one that cannot be read.
   */
  static boolean sentBy(String update, String personId) {
    try {
      Iterator<JsonNode> parts = JSON.readTree(update).elements();
      while (parts.hasNext()) {
        if (personId.equals(parts.next().path("from").path("id").asText(null))) {
          return true;
        }
      }
      return false;
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  @Override
  public Channel channel() {
    return Channel.TELEGRAM;
  }

  @Override
  public RoutesBuilder routes() {
    return new TelegramRoutes(this);
  }

  @Override
  public ChannelSender sender() {
    return sender;
  }

  /** {@link #connect}, saying what went wrong when it fails: the timer tries again. */
  void connectOrExplain(CamelContext camel) {
    if (!receiving) {
      return; // another instance polls Telegram
    }
    try {
      connect(camel);
    } catch (TelegramApiException | RuntimeException e) {
      LOG.warn(
          "Telegram: cannot connect to {} ({}); trying again in 30 s. Check telegram.api.url and"
              + " AIDBRIDGE_TELEGRAM_TOKEN.",
          settings.apiUrl().getHost(),
          e.getMessage());
    }
  }

  /** Identifies the bot, registers its commands and starts polling, unless already polling. */
  synchronized void connect(CamelContext camel) throws TelegramApiException {
    if (poller != null && poller.running()) {
      return;
    }
    TelegramConnection connection = new TelegramConnection(client, settings);
    BotIdentity identity = connection.identify();
    translator =
        new UpdateTranslator(identity, new ChatAdminCache(client, clock, ADMIN_CACHE), clock);
    connection.registerCommands();
    inbox.start();
    poller = new UpdatePoller(settings, offset, this::keep, pollHttp);
    poller.start();
    LOG.info("Telegram: polling for updates from {}", settings.apiUrl().getHost());
  }

  /** Stops polling; a later {@link #connect} starts again from the stored offset. */
  synchronized void disconnect() {
    if (poller != null) {
      poller.close();
      poller = null;
    }
  }

  /** On the polling thread: the update is stored before it is confirmed to Telegram. */
  private boolean keep(Update update) {
    try {
      return inbox.keep(JSON.writeValueAsString(update));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a Telegram update as JSON", e);
    }
  }

  /** On the inbox's worker: what a stored update asks for; a failure is retried later. */
  private RawInbox.Work translateStored(String payload) throws JsonProcessingException {
    Update update = JSON.readValue(payload, Update.class);
    return actions.work(translator.translate(update));
  }

  /** Another instance polls Telegram: the routes start without polling. */
  @Override
  public void standBy() {
    receiving = false;
  }

  /** This instance polls Telegram (again), from the stored offset, whoever stored it. */
  @Override
  public void startReceiving() {
    receiving = true;
    connectOrExplain(null);
  }

  /**
   * Stops polling before the routes stop, or when another instance takes Telegram over; stored
   * updates wait for the next run or the next leader.
   */
  @Override
  public void stopReceiving() {
    receiving = false;
    disconnect();
    inbox.close();
  }

  /**
   * Telegram's limits (30 messages a second, 20 a minute per group, 1 a second per chat) count per
   * bot, and the pacing that keeps them lives in this process: two instances each sending at the
   * limit would together send twice too fast. So only the instance leading Telegram sends.
   */
  @Override
  public boolean sendsOnlyWhileReceiving() {
    return true;
  }

  @Override
  public void close() {
    disconnect();
    inbox.close();
    sendHttp.dispatcher().cancelAll();
    sendHttp.dispatcher().executorService().shutdown();
    sendHttp.connectionPool().evictAll();
    pollHttp.connectionPool().evictAll();
  }
}
