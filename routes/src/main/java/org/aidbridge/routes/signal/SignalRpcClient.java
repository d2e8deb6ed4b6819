package org.aidbridge.routes.signal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.aidbridge.bot.outbox.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JSON-RPC 2.0 client of the signal-cli daemon. It keeps one connection open, reconnecting with
 * bounded exponential backoff whenever the daemon goes away; requests pending at that moment fail
 * with {@link SignalRpcException#DISCONNECTED}.
 *
 * <p>Answers and notifications (incoming messages) share the connection, so the reading thread
 * never waits for the database: it completes each answer the moment it is read, and hands each
 * notification first to {@link Listener#onRead} (which writes it down, a file append) and then to a
 * short queue ({@link #KEPT_AHEAD} of them), from which one keeping thread hands them to {@link
 * Listener#onNotification} one at a time, in the order read. Before, the listener stored each
 * notification on the reading thread itself, and an answer to a {@code send} waited behind every
 * notification being stored ahead of it: signal-cli had sent the message, the bot could not yet
 * write the send down, and a kill in that wait made the message go twice (the crash harness counted
 * such duplicates); and notifications waited unread in the socket meanwhile, where a kill lost
 * them. When the listener cannot keep up, the queue fills and the reading thread waits: the daemon
 * is held back as before. When the connection ends, what the queue holds is still handed over
 * ({@link #stop} waits for it).
 */
public final class SignalRpcClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SignalRpcClient.class);
  static final ObjectMapper JSON = new ObjectMapper();

  /** How many notifications may wait for the keeping thread before the reading thread waits. */
  static final int KEPT_AHEAD = 16;

  /** How long {@link #stop} waits for the notifications read to be handed to the listener. */
  private static final Duration KEEPING_ENDS_WITHIN = Duration.ofSeconds(10);

  /** Receives what the daemon sends unasked. */
  public interface Listener {
    /**
     * Called on the reading thread the moment a notification is read, before it queues for {@link
     * #onNotification}: to write it down without waiting (a file append), nothing slower.
     */
    default void onRead(String method, JsonNode params) {}

    /**
     * Called on the keeping thread, one notification at a time in the order read; the next is
     * handed over only when this returns.
     */
    void onNotification(String method, JsonNode params);

    /** Called on the notification thread after each (re)connection, before any notification. */
    default void onConnected(SignalRpcClient client) {}
  }

  private final SignalEndpoint endpoint;
  private final String account;
  private final Duration timeout;
  private final Backoff backoff;
  private final Listener listener;
  private final PendingRequests pending = new PendingRequests();
  private final ScheduledExecutorService connector;

  /** Runs {@link Listener#onConnected}, which may make requests while the reader reads. */
  private final ExecutorService notifications;

  private volatile JsonLineConnection connection;
  private volatile boolean closed;
  // Each start() begins a run; what an earlier run scheduled does nothing.
  private final java.util.concurrent.atomic.AtomicInteger runs =
      new java.util.concurrent.atomic.AtomicInteger();
  private final AtomicInteger failures = new AtomicInteger();
  private volatile ConnectionWatcher watcher = ConnectionWatcher.NONE;
  // The thread handing the current connection's notifications to the listener, or null.
  private volatile Thread keeper;

  /** Told when the connection to the daemon is made and lost, for {@code /health}. */
  public interface ConnectionWatcher {
    ConnectionWatcher NONE =
        new ConnectionWatcher() {
          @Override
          public void connected() {}

          @Override
          public void disconnected(String why) {}
        };

    void connected();

    void disconnected(String why);
  }

  /**
   * @param account the bot's number, sent as {@code account} with account requests in multi-account
   *     mode; null or blank when the daemon serves one account
   */
  public SignalRpcClient(
      SignalEndpoint endpoint,
      String account,
      Duration timeout,
      Backoff backoff,
      Listener listener) {
    this.endpoint = endpoint;
    this.account = account == null || account.isBlank() ? null : account.trim();
    this.timeout = timeout;
    this.backoff = backoff;
    this.listener = listener;
    this.connector = Executors.newSingleThreadScheduledExecutor(daemonThreads("signal-connect"));
    this.notifications = Executors.newSingleThreadExecutor(daemonThreads("signal-notify"));
  }

  /** Reports connections made and lost to {@code watcher}; set it before {@link #start}. */
  public void watch(ConnectionWatcher watcher) {
    this.watcher = watcher;
  }

  /** Starts connecting in the background; returns at once. Again after {@link #stop}. */
  public void start() {
    int run;
    synchronized (this) {
      closed = false;
      run = runs.incrementAndGet();
    }
    connector.execute(() -> connect(run));
  }

  /**
   * Closes the connection and connects no more until {@link #start}; reconnections scheduled by the
   * run that ends are dropped.
   */
  public void stop() {
    synchronized (this) {
      closed = true;
      runs.incrementAndGet();
      JsonLineConnection current = connection;
      if (current != null) {
        closeQuietly(current);
      }
    }
    awaitKeeper();
  }

  /** Waits until the notifications read before the connection closed are with the listener. */
  private void awaitKeeper() {
    Thread running = keeper;
    if (running == null || running == Thread.currentThread()) {
      return;
    }
    try {
      running.join(KEEPING_ENDS_WITHIN.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public boolean isConnected() {
    JsonLineConnection current = connection;
    return current != null && current.isOpen();
  }

  /** Sends a request that concerns no account ({@code version}, {@code listAccounts}). */
  public CompletableFuture<JsonNode> request(String method, ObjectNode params) {
    return request(method, params, null);
  }

  /**
   * As {@link #request(String, ObjectNode)}; {@code whenResult}, if not null, gets a successful
   * result on the reading thread the instant it is read, before the caller is woken: for what must
   * be written down then (a send signal-cli made), not for anything slow.
   */
  private CompletableFuture<JsonNode> request(
      String method, ObjectNode params, java.util.function.Consumer<JsonNode> whenResult) {
    long id = pending.nextId();
    ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method);
    if (params != null && !params.isEmpty()) {
      message.set("params", params);
    }
    message.put("id", id);
    JsonLineConnection current = connection;
    if (current == null || !current.isOpen()) {
      return CompletableFuture.failedFuture(disconnected());
    }
    CompletableFuture<JsonNode> answer = pending.register(id, timeout, whenResult);
    try {
      current.writeLine(JSON.writeValueAsString(message));
    } catch (IOException e) {
      answer.completeExceptionally(disconnected());
    }
    return answer;
  }

  /** Sends a request on behalf of the bot's account (adds {@code account} when configured). */
  public CompletableFuture<JsonNode> requestForAccount(String method, ObjectNode params) {
    return requestForAccount(method, params, null);
  }

  /**
   * As {@link #requestForAccount(String, ObjectNode)}, with {@code whenResult} as in {@link
   * #request(String, ObjectNode, java.util.function.Consumer)}.
   */
  public CompletableFuture<JsonNode> requestForAccount(
      String method, ObjectNode params, java.util.function.Consumer<JsonNode> whenResult) {
    ObjectNode withAccount = params == null ? JSON.createObjectNode() : params.deepCopy();
    if (account != null) {
      withAccount.put("account", account);
    }
    return request(method, withAccount, whenResult);
  }

  /** Waits for the answer of a request; every failure is a {@link SignalRpcException}. */
  public static JsonNode await(CompletableFuture<JsonNode> answer) {
    try {
      return answer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SignalRpcException(SignalRpcException.DISCONNECTED, "interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SignalRpcException rpc) {
        throw rpc;
      }
      if (cause instanceof TimeoutException) {
        throw new SignalRpcException(SignalRpcException.TIMEOUT, "no answer from signal-cli");
      }
      throw new SignalRpcException(SignalRpcException.DISCONNECTED, String.valueOf(cause));
    }
  }

  /** {@code version}: the daemon's signal-cli version. */
  public String version() {
    return await(request("version", null)).path("version").asText();
  }

  private void connect(int run) {
    if (closed || run != runs.get()) {
      return;
    }
    JsonLineConnection opened;
    try {
      opened = new JsonLineConnection(endpoint.connect(), true);
    } catch (IOException | RuntimeException e) {
      watcher.disconnected("not reachable: " + e.getClass().getSimpleName());
      int failed = failures.getAndIncrement();
      Duration wait = backoff.delay(failed);
      if (failed == 0) {
        LOG.warn("signal-cli at {} is not reachable ({}); trying again", endpoint, e.toString());
      } else {
        LOG.debug("signal-cli at {} not reachable ({}); retrying in {}", endpoint, e, wait);
      }
      connector.schedule(() -> connect(run), wait.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    synchronized (this) {
      if (closed || run != runs.get()) {
        closeQuietly(opened); // stopped while connecting
        return;
      }
      connection = opened;
    }
    failures.set(0);
    watcher.connected();
    LOG.info("connected to signal-cli at {}", endpoint);
    notifications.execute(() -> listener.onConnected(this));
    NotificationQueue queue = new NotificationQueue(KEPT_AHEAD);
    Thread keeping = new Thread(() -> queue.handOver(this::notify), "signal-keep");
    keeping.setDaemon(true);
    awaitKeeper(); // the last connection's notifications first, in order
    keeper = keeping;
    keeping.start();
    Thread reader = new Thread(() -> readUntilClosed(opened, run, queue), "signal-read");
    reader.setDaemon(true);
    reader.start();
  }

  private void readUntilClosed(JsonLineConnection opened, int run, NotificationQueue queue) {
    try {
      opened.readLines(line -> dispatch(line, queue));
    } catch (IOException e) {
      LOG.debug("signal-cli connection ended", e);
    } finally {
      queue.end();
      closeQuietly(opened);
      if (connection == opened) {
        connection = null;
      }
      pending.failAll(disconnected());
      if (!closed && run == runs.get()) {
        watcher.disconnected("connection lost");
        LOG.warn("lost the connection to signal-cli at {}; reconnecting", endpoint);
        Duration wait = backoff.delay(failures.getAndIncrement());
        connector.schedule(() -> connect(run), wait.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private void dispatch(String line, NotificationQueue queue) {
    JsonNode message;
    try {
      message = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      LOG.warn("signal-cli sent a line that is not JSON; ignored");
      return;
    }
    if (message.hasNonNull("method") && !message.has("id")) {
      String method = message.get("method").asText();
      try {
        listener.onRead(method, message.path("params"));
      } catch (RuntimeException e) {
        LOG.debug("writing a signal-cli notification down ahead failed", e);
      }
      queue.put(method, message.path("params"));
      return;
    }
    if (!pending.complete(message) && message.has("error")) {
      LOG.warn(
          "signal-cli error not tied to a request: {}",
          SignalSendResults.redact(message.path("error").path("message").asText()));
    }
  }

  private void notify(String method, JsonNode params) {
    try {
      listener.onNotification(method, params);
    } catch (RuntimeException e) {
      LOG.error("handling a signal-cli notification failed", e);
    }
  }

  private static SignalRpcException disconnected() {
    return new SignalRpcException(SignalRpcException.DISCONNECTED, "not connected to signal-cli");
  }

  @Override
  public void close() {
    closed = true;
    JsonLineConnection current = connection;
    if (current != null) {
      closeQuietly(current);
    }
    connector.shutdownNow();
    notifications.shutdown();
  }

  private static void closeQuietly(JsonLineConnection c) {
    try {
      c.close();
    } catch (IOException e) {
      LOG.debug("closing the signal-cli connection", e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
