package org.aidbridge.routes.signal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted signal-cli daemon for tests: the same framing (one JSON object per line) and the
 * answers the real 0.13.19 daemon gives (recorded under {@code fixtures/signal}), for what the real
 * daemon cannot do offline: incoming messages, send results with rate limits and captchas,
 * connections dropped and restarts.
 *
 * <p>It runs in {@code --receive-mode on-connection}: a message pushed while no client is connected
 * waits on "Signal's servers" and is delivered when a client connects.
 */
public final class FakeSignalDaemon implements AutoCloseable {

  private final boolean unix;
  private final Path socketPath;
  private volatile int port;
  private volatile ServerSocketChannel server;
  private volatile Thread acceptor;
  private final List<FakeSignalClient> clients = new CopyOnWriteArrayList<>();
  private final Deque<JsonNode> waitingOnServers = new ArrayDeque<>();
  private final FakeSignalMethods methods = new FakeSignalMethods();
  private final FakeSignalSends sends = methods.sends;
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger subscriptions = new AtomicInteger();
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private volatile boolean silent;
  private volatile boolean manualReceive;

  private FakeSignalDaemon(boolean unix, Path socketPath, int port) {
    this.unix = unix;
    this.socketPath = socketPath;
    this.port = port;
  }

  /** Starts on a free TCP port of 127.0.0.1. */
  public static FakeSignalDaemon startTcp() throws IOException {
    FakeSignalDaemon daemon = new FakeSignalDaemon(false, null, 0);
    daemon.listen();
    return daemon;
  }

  /** Starts on a UNIX socket at {@code path}. */
  static FakeSignalDaemon startUnix(Path path) throws IOException {
    FakeSignalDaemon daemon = new FakeSignalDaemon(true, path, 0);
    daemon.listen();
    return daemon;
  }

  public SignalEndpoint endpoint() {
    return unix
        ? SignalEndpoint.parse("unix:" + socketPath)
        : SignalEndpoint.tcp("127.0.0.1", port);
  }

  /** Registers an account, as {@code register}/{@code link} would on the real daemon. */
  public FakeSignalDaemon withAccount(String number) {
    methods.addAccount(number);
    return this;
  }

  FakeSignalDaemon withRetryAfterSeconds(long seconds) {
    sends.retryAfterSeconds(seconds);
    return this;
  }

  /**
   * As {@code --receive-mode manual}: messages wait until the client calls {@code subscribeReceive}
   * and come wrapped as {@code {"subscription":N,"result":{...}}}.
   */
  FakeSignalDaemon withManualReceive() {
    manualReceive = true;
    return this;
  }

  /** The next sends are answered so, in order; after them, {@link SendAnswer#SUCCESS}. */
  void answerNextSends(FakeSignalSends.SendAnswer... answers) {
    sends.answerNext(List.of(answers));
  }

  /** The params of every {@code send} received, in order (the answered-with-success ones too). */
  List<JsonNode> sends() {
    return sends.all();
  }

  /** The sends that were answered with success. */
  public List<JsonNode> deliveredSends() {
    return sends.delivered();
  }

  /** Every request received ({@code method} and {@code params}), in order. */
  List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  /** While silent, requests are read and recorded but never answered (a hung daemon). */
  void silent(boolean on) {
    silent = on;
  }

  boolean isSilent() {
    return silent;
  }

  void record(JsonNode request) {
    requests.add(request);
  }

  int acceptedConnections() {
    return accepted.get();
  }

  public int connectedClients() {
    return clients.size();
  }

  private final java.util.Map<Long, Long> written = new java.util.concurrent.ConcurrentHashMap<>();

  /** An incoming message: to the connected clients, or kept until one connects. */
  public synchronized void push(JsonNode receiveParams) {
    List<FakeSignalClient> listening =
        clients.stream().filter(c -> c.isListening(manualReceive)).toList();
    if (listening.isEmpty()) {
      waitingOnServers.add(receiveParams);
      return;
    }
    listening.forEach(c -> c.notifyReceive(receiveParams));
    wroteAt(receiveParams);
  }

  /**
   * When a message was last written to a client's socket, by its envelope timestamp, in epoch
   * millis; null if never (it still waits on the servers).
   */
  public Long writtenAtMillis(long envelopeTimestamp) {
    return written.get(envelopeTimestamp);
  }

  private void wroteAt(JsonNode receiveParams) {
    written.put(
        receiveParams.path("envelope").path("timestamp").asLong(), System.currentTimeMillis());
  }

  /** How many messages wait on "Signal's servers" for a client to connect. */
  public synchronized int waiting() {
    return waitingOnServers.size();
  }

  /** Hands the messages waiting on the servers to a client that just started listening. */
  private synchronized void deliverWaitingTo(FakeSignalClient client) {
    while (!waitingOnServers.isEmpty()) {
      JsonNode next = waitingOnServers.poll();
      client.notifyReceive(next);
      wroteAt(next);
    }
  }

  /** Closes every client connection; the daemon keeps listening. */
  void dropConnections() {
    clients.forEach(FakeSignalClient::close);
    clients.clear();
  }

  /** Stops listening and drops every client, as a killed daemon does. */
  synchronized void stop() throws IOException {
    ServerSocketChannel current = server;
    server = null;
    if (current != null) {
      current.close();
      joinAcceptor();
    }
    dropConnections();
    if (unix) {
      Files.deleteIfExists(socketPath);
    }
  }

  /** Listens again on the same port or socket. */
  synchronized void start() throws IOException {
    if (server == null) {
      listen();
    }
  }

  @Override
  public void close() throws IOException {
    stop();
  }

  private void listen() throws IOException {
    ServerSocketChannel channel;
    if (unix) {
      Files.deleteIfExists(socketPath);
      channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      channel.bind(UnixDomainSocketAddress.of(socketPath));
    } else {
      channel = ServerSocketChannel.open();
      channel.socket().setReuseAddress(true);
      channel.bind(new InetSocketAddress("127.0.0.1", port));
      port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }
    server = channel;
    acceptor = new Thread(() -> acceptUntilClosed(channel), "fake-signal-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * A channel closed while a thread is blocked in accept() is released by that thread only: the
   * port is free once it has exited.
   */
  private void joinAcceptor() throws IOException {
    Thread current = acceptor;
    if (current == null) {
      return;
    }
    try {
      current.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping", e);
    }
  }

  private void acceptUntilClosed(ServerSocketChannel channel) {
    while (channel.isOpen()) {
      try {
        SocketChannel socket = channel.accept();
        accepted.incrementAndGet();
        FakeSignalClient client = new FakeSignalClient(socket, this);
        clients.add(client);
        if (!manualReceive) {
          deliverWaitingTo(client);
        }
        client.start();
      } catch (IOException e) {
        return; // closed: the daemon stopped
      }
    }
  }

  void disconnected(FakeSignalClient client) {
    clients.remove(client);
  }

  /** The answer (a {@code result} or {@code error} object) to one request. */
  JsonNode answer(FakeSignalClient client, String method, JsonNode params) {
    return methods.answer(method, params, () -> subscribe(client));
  }

  private JsonNode subscribe(FakeSignalClient client) {
    int subscription = subscriptions.getAndIncrement();
    JsonNode answer =
        SignalFixtures.json(
            "answer-subscribe-receive.json", Map.of("subscription", String.valueOf(subscription)));
    client.subscribed(subscription);
    if (manualReceive) {
      // after the answer, as the real daemon starts receiving once it has subscribed
      client.afterNextReply(() -> deliverWaitingTo(client));
    }
    return answer;
  }
}
