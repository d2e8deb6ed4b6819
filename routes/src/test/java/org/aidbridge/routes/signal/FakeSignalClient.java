package org.aidbridge.routes.signal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.Map;

/** One client connection of {@link FakeSignalDaemon}: reads requests, writes answers in order. */
final class FakeSignalClient {
  private final JsonLineConnection connection;
  private final FakeSignalDaemon daemon;
  private volatile Integer subscription;
  private volatile Runnable afterReply;

  FakeSignalClient(SocketChannel socket, FakeSignalDaemon daemon) {
    this.connection = new JsonLineConnection(socket);
    this.daemon = daemon;
  }

  void start() {
    Thread reader =
        new Thread(
            () -> {
              try {
                connection.readLines(this::onLine);
              } catch (IOException e) {
                // the client went away or the daemon stopped
              } finally {
                close();
                daemon.disconnected(this);
              }
            },
            "fake-signal-client");
    reader.setDaemon(true);
    reader.start();
  }

  /** Whether this client is to get messages now: always in on-connection mode. */
  boolean isListening(boolean manualReceive) {
    return !manualReceive || subscription != null;
  }

  void subscribed(int id) {
    subscription = id;
  }

  void afterNextReply(Runnable action) {
    afterReply = action;
  }

  void notifyReceive(JsonNode params) {
    JsonNode shaped = params;
    Integer id = subscription;
    if (id != null) {
      ObjectNode wrapped = SignalFixtures.JSON.createObjectNode().put("subscription", id);
      ObjectNode result = wrapped.putObject("result");
      result.set("envelope", params.get("envelope"));
      if (params.has("account")) {
        result.set("account", params.get("account"));
      }
      shaped = wrapped;
    }
    ObjectNode notification = SignalFixtures.JSON.createObjectNode();
    notification.put("jsonrpc", "2.0").put("method", "receive").set("params", shaped);
    write(notification);
  }

  void close() {
    try {
      connection.close();
    } catch (IOException e) {
      // already closed
    }
  }

  private void onLine(String line) {
    JsonNode request;
    try {
      request = SignalFixtures.JSON.readTree(line);
    } catch (JsonProcessingException e) {
      String token = line.split("[^A-Za-z0-9_]", 2)[0];
      reply(
          NullNode.getInstance(),
          SignalFixtures.json(
              "error-parse.json",
              Map.of("token", token, "column", String.valueOf(token.length() + 1))));
      return;
    }
    if (!request.isObject()) {
      reply(NullNode.getInstance(), SignalFixtures.json("error-invalid-request.json"));
      return;
    }
    daemon.record(request);
    if (daemon.isSilent()) {
      return;
    }
    JsonNode id = request.has("id") ? request.get("id") : null;
    if (!"2.0".equals(request.path("jsonrpc").asText())) {
      reply(id, SignalFixtures.json("error-jsonrpc-version.json"));
    } else if (!request.hasNonNull("method")) {
      reply(id, SignalFixtures.json("error-method-missing.json"));
    } else if (id != null) {
      // a request without id is a notification: signal-cli runs it and answers nothing
      JsonNode params =
          request.path("params").isObject()
              ? request.get("params")
              : SignalFixtures.JSON.createObjectNode();
      reply(id, daemon.answer(this, request.get("method").asText(), params));
      Runnable then = afterReply;
      afterReply = null;
      if (then != null) {
        then.run();
      }
    }
  }

  private void reply(JsonNode id, JsonNode resultOrError) {
    ObjectNode answer = SignalFixtures.JSON.createObjectNode().put("jsonrpc", "2.0");
    answer.setAll((ObjectNode) resultOrError);
    answer.set("id", id == null ? NullNode.getInstance() : id);
    write(answer);
  }

  private synchronized void write(JsonNode message) {
    try {
      connection.writeLine(SignalFixtures.JSON.writeValueAsString(message));
    } catch (IOException e) {
      close();
    }
  }
}
