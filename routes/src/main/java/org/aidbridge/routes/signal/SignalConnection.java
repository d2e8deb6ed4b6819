package org.aidbridge.routes.signal;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to the daemon: every {@code receive} notification goes into the {@code signal-inbound}
 * route, one at a time and in order. In {@code manual} receive mode it asks for messages with
 * {@code subscribeReceive} after each (re)connection.
 */
final class SignalConnection implements SignalRpcClient.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(SignalConnection.class);

  private final boolean manualReceive;
  private volatile SignalRpcClient client;
  private volatile ProducerTemplate template;

  SignalConnection(boolean manualReceive) {
    this.manualReceive = manualReceive;
  }

  void attach(SignalRpcClient rpcClient) {
    this.client = rpcClient;
  }

  /** Called once Camel runs: from now on notifications have a route to go to. */
  void start(ProducerTemplate producer) {
    this.template = producer;
    client.start();
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

  @Override
  public void onNotification(String method, JsonNode params) {
    if ("receive".equals(method)) {
      template.sendBody(SignalRoutes.INBOUND, params);
    }
  }
}
