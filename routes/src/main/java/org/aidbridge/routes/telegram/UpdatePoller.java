package org.aidbridge.routes.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * update is confirmed to Telegram only after it was handled: a crash at any point loses nothing,
 * and one handled before the crash comes again and is dropped by its id. Updates are handed on one
 * at a time, in order; a failure is caught (polling goes on) and that update is asked for again, up
 * to {@link #MAX_ATTEMPTS} times, after which it is logged and skipped so one bad update cannot
 * stop the bot.
 */
final class UpdatePoller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UpdatePoller.class);
  static final int MAX_ATTEMPTS = 3;
  private static final List<String> ALLOWED =
      List.of("message", "callback_query", "my_chat_member");

  /** Where each update goes; a thrown exception means it was not handled. */
  interface Sink {
    /** Whether the sink can take updates now (false while the application stops). */
    boolean ready();

    void accept(Update update);
  }

  private final TelegramSettings settings;
  private final UpdateOffset offset;
  private final Sink sink;
  private final OkHttpClient http;
  private final Map<Integer, Integer> failures = new ConcurrentHashMap<>();
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
        if (closed || !sink.ready()) {
          askAgainFrom(id);
          return;
        }
        if (!offset.isHandled(id)) {
          sink.accept(update);
          failures.remove(id);
        }
      } catch (RuntimeException e) {
        if (!giveUp(id, e)) {
          askAgainFrom(id);
          return;
        }
      }
    }
  }

  /** Whether to skip the update for good after this failure. */
  private boolean giveUp(int id, RuntimeException e) {
    if (closed || !sink.ready()) {
      // Stopping: not the update's fault, it comes again after the restart.
      return false;
    }
    int attempts = failures.merge(id, 1, Integer::sum);
    if (attempts < MAX_ATTEMPTS) {
      LOG.warn("handling Telegram update {} failed (attempt {}), will retry", id, attempts, e);
      return false;
    }
    try {
      offset.confirm(id);
    } catch (RuntimeException storeDown) {
      LOG.error("cannot store the Telegram offset; update {} will come again", id, storeDown);
      return false;
    }
    LOG.error("skipping Telegram update {} after {} failed attempts", id, attempts, e);
    failures.remove(id);
    return true;
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
