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
 * with {@link SignalRpcException#DISCONNECTED}. Notifications (incoming messages) are handed to the
 * listener on the reading thread, one at a time, in the order they arrived: the next line is read
 * only when the listener returns, so a listener that stores each one before returning holds nothing
 * in memory, and one that blocks holds the daemon back. The listener must therefore not wait for an
 * answer to a request of its own.
 */
public final class SignalRpcClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SignalRpcClient.class);
  static final ObjectMapper JSON = new ObjectMapper();

  /** Receives what the daemon sends unasked. */
  public interface Listener {
    /** Called on the reading thread; must not wait for an answer to a request. */
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
  public synchronized void stop() {
    closed = true;
    runs.incrementAndGet();
    JsonLineConnection current = connection;
    if (current != null) {
      closeQuietly(current);
    }
  }

  public boolean isConnected() {
    JsonLineConnection current = connection;
    return current != null && current.isOpen();
  }

  /** Sends a request that concerns no account ({@code version}, {@code listAccounts}). */
  public CompletableFuture<JsonNode> request(String method, ObjectNode params) {
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
    CompletableFuture<JsonNode> answer = pending.register(id, timeout);
    try {
      current.writeLine(JSON.writeValueAsString(message));
    } catch (IOException e) {
      answer.completeExceptionally(disconnected());
    }
    return answer;
  }

  /** Sends a request on behalf of the bot's account (adds {@code account} when configured). */
  public CompletableFuture<JsonNode> requestForAccount(String method, ObjectNode params) {
    ObjectNode withAccount = params == null ? JSON.createObjectNode() : params.deepCopy();
    if (account != null) {
      withAccount.put("account", account);
    }
    return request(method, withAccount);
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
      opened = new JsonLineConnection(endpoint.connect());
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
    Thread reader = new Thread(() -> readUntilClosed(opened, run), "signal-read");
    reader.setDaemon(true);
    reader.start();
  }

  private void readUntilClosed(JsonLineConnection opened, int run) {
    try {
      opened.readLines(this::dispatch);
    } catch (IOException e) {
      LOG.debug("signal-cli connection ended", e);
    } finally {
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

  private void dispatch(String line) {
    JsonNode message;
    try {
      message = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      LOG.warn("signal-cli sent a line that is not JSON; ignored");
      return;
    }
    if (message.hasNonNull("method") && !message.has("id")) {
      String method = message.get("method").asText();
      notify(method, message.path("params"));
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
