package org.aidbridge.routes.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Messages as signal-cli pushes them, made from the recorded direct message. */
final class SignalEnvelopes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SignalEnvelopes() {}

  /** A {@code receive} notification of a text from a Signal user, direct when no group. */
  static ObjectNode text(long timestamp, String uuid, String number, String text, String groupId) {
    ObjectNode params = (ObjectNode) fixture("/fixtures/signal/receive-direct.json").get("params");
    ObjectNode envelope = (ObjectNode) params.get("envelope");
    envelope.put("sourceUuid", uuid).put("sourceNumber", number);
    envelope.put("source", number == null ? uuid : number).put("sourceName", "Signal user");
    envelope.put("timestamp", timestamp).put("serverReceivedTimestamp", timestamp);
    ObjectNode data = (ObjectNode) envelope.get("dataMessage");
    data.put("timestamp", timestamp).put("message", text);
    if (groupId != null) {
      data.putObject("groupInfo")
          .put("groupId", groupId)
          .put("groupName", "Mutual Aid")
          .put("revision", 3)
          .put("type", "DELIVER");
    }
    return params;
  }

  private static JsonNode fixture(String resource) {
    try (InputStream in = SignalEnvelopes.class.getResourceAsStream(resource)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
