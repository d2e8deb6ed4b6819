package org.aidbridge.routes.signal;

import com.fasterxml.jackson.databind.JsonNode;
import org.aidbridge.routes.app.RawInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to the daemon: every {@code receive} notification is stored, as it came, in the order
 * read, before the next one is taken ({@link RawInbox#keep}, on the client's keeping thread, so the
 * answers to sends never wait behind it: see {@link SignalRpcClient}); the inbox's worker
 * translates and handles it from the store. signal-cli has already acknowledged a message to
 * Signal's servers when it writes it to us, so nobody would deliver it again: it must never wait in
 * memory. In {@code manual} receive mode it asks for messages with {@code subscribeReceive} after
 * each (re)connection.
 */
final class SignalConnection implements SignalRpcClient.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(SignalConnection.class);

  private final boolean manualReceive;
  private final RawInbox inbox;
  private volatile SignalRpcClient client;
  // False on an instance that stands by while another holds the Signal connection.
  private volatile boolean wanted = true;

  SignalConnection(boolean manualReceive, RawInbox inbox) {
    this.manualReceive = manualReceive;
    this.inbox = inbox;
  }

  void attach(SignalRpcClient rpcClient) {
    this.client = rpcClient;
  }

  /** Called once Camel runs: unless standing by, handles what waits from before, then connects. */
  void startIfWanted() {
    if (wanted) {
      start();
    }
  }

  /** The routes will start without connecting: another instance holds the Signal connection. */
  void standBy() {
    wanted = false;
  }

  /** Handles what waits from before (from other instances too), then connects. */
  synchronized void start() {
    wanted = true;
    inbox.start();
    client.start();
  }

  /**
   * Closes the connection first, so nothing is read that could not be kept, then the worker. {@link
   * #start} connects again.
   */
  synchronized void stop() {
    wanted = false;
    client.stop();
    inbox.close();
  }

  /** Stops for good. */
  void close() {
    stop();
    client.close();
  }

  @Override
  public void onConnected(SignalRpcClient connected) {
    if (!manualReceive) {
      return;
    }
    try {
      JsonNode subscription =
          SignalRpcClient.await(connected.requestForAccount("subscribeReceive", null));
      LOG.info("subscribed to incoming Signal messages (subscription {})", subscription.asText());
    } catch (SignalRpcException e) {
      LOG.warn(
          "subscribeReceive failed: {}; the next connection will try again",
          SignalSendResults.redact(e.getMessage()));
    }
  }

  /** Written down the moment it is read (see SignalRpcClient): a kill from now on loses nothing. */
  @Override
  public void onRead(String method, JsonNode params) {
    if ("receive".equals(method)) {
      inbox.keepAhead(params.toString());
    }
  }

  @Override
  public void onNotification(String method, JsonNode params) {
    if ("receive".equals(method) && !inbox.keep(params.toString())) {
      // Only when stopping: the connection closes right after, before anything else is read.
      LOG.warn("stopping: a Signal message read at the last moment was not kept");
    }
  }
}
