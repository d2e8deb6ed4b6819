package org.aidbridge.routes.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long-polls Telegram with TelegramBots, with AidBridge's own offset.
 *
 * <p>Each request asks for updates from the offset AidBridge stored ({@link UpdateOffset}), so an
 * update is confirmed to Telegram only after it was stored: a crash at any point loses nothing, and
 * one stored before the crash comes again and is recognised in the inbox. Updates are handed on one
 * at a time, in order, to the sink, which stores them before they are handled ({@link
 * org.aidbridge.routes.app.RawInbox}); handling happens from the store, where a failure is tried
 * again later, never skipped. If storing fails, the update is asked for again.
 */
final class UpdatePoller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UpdatePoller.class);
  private static final List<String> ALLOWED =
      List.of("message", "callback_query", "my_chat_member");

  /** Where each update goes. */
  interface Sink {
    /**
     * Stores the update (it is handled from the store).
     *
     * @return false when it was not stored because the channel is stopping
     */
    boolean keep(Update update);
  }

  private final TelegramSettings settings;
  private final UpdateOffset offset;
  private final Sink sink;
  private final OkHttpClient http;
  private ScheduledExecutorService executor;
  private TelegramBotsLongPollingApplication app;
  private volatile BotSession session;
  private volatile boolean closed;

  UpdatePoller(TelegramSettings settings, UpdateOffset offset, Sink sink, OkHttpClient http) {
    this.settings = settings;
    this.offset = offset;
    this.sink = sink;
    this.http = http;
  }

  /** Starts polling (TelegramBots first deletes any webhook). */
  synchronized void start() throws TelegramApiException {
    executor = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "telegram-poller"));
    app = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http, () -> executor);
    // Registered while stopped, so the session is known before the first batch arrives.
    app.stop();
    try {
      session =
          app.registerBot(settings.token(), settings::telegramUrl, this::request, this::consume);
      app.start();
    } catch (TelegramApiException | RuntimeException e) {
      session = null;
      executor.shutdownNow();
      throw e;
    }
  }

  boolean running() {
    return session != null && !closed;
  }

  private GetUpdates request(Integer libraryOffset) {
    return GetUpdates.builder()
        .offset(offset.next())
        .limit(100)
        .timeout((int) settings.pollTimeout().toSeconds())
        .allowedUpdates(ALLOWED)
        .build();
  }

  /** Called by TelegramBots; must not throw, or its poller would stop for good. */
  private void consume(List<Update> updates) {
    List<Update> inOrder =
        updates.stream().sorted(Comparator.comparing(Update::getUpdateId)).toList();
    for (Update update : inOrder) {
      int id = update.getUpdateId();
      try {
        if (closed || !sink.keep(update)) {
          askAgainFrom(id);
          return;
        }
        offset.confirm(id);
      } catch (RuntimeException e) {
        LOG.warn("could not store Telegram update {} ({}); asking for it again", id, e.toString());
        askAgainFrom(id);
        return;
      }
    }
  }

  /** Makes TelegramBots hand this update (and the later ones) over again. */
  private void askAgainFrom(int id) {
    BotSession current = session;
    if (current != null) {
      current.getLastReceivedUpdate().set(id - 1);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    try {
      if (app != null) {
        app.close();
      }
    } catch (Exception e) {
      LOG.warn("stopping Telegram polling: {}", e.getMessage());
    }
    // A long poll in flight is left to end by itself (its thread is a daemon, and what it brings
    // is not handled, so Telegram gives it again to the next poller). Cancelling it would make
    // TelegramBots log a stack trace at ERROR on every shutdown.
    if (executor != null) {
      executor.shutdown();
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
