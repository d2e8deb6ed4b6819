package org.aidbridge.routes.signal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Messages as signal-cli pushes them, made from the recorded direct message. */
public final class SignalEnvelopes {
  private SignalEnvelopes() {}

  /**
   * The params of a {@code receive} notification of a text from a Signal user: direct when {@code
   * groupId} is null, else posted in that group.
   */
  public static ObjectNode text(
      long timestamp, String uuid, String number, String text, String groupId) {
    ObjectNode params = (ObjectNode) SignalFixtures.receiveParams("receive-direct.json").deepCopy();
    ObjectNode envelope = (ObjectNode) params.get("envelope");
    envelope
        .put("sourceUuid", uuid)
        .put("sourceNumber", number)
        .put("source", number == null ? uuid : number);
    envelope.put("timestamp", timestamp).put("serverReceivedTimestamp", timestamp);
    ObjectNode data = (ObjectNode) envelope.get("dataMessage");
    data.put("timestamp", timestamp).put("message", text);
    if (groupId != null) {
      data.putObject("groupInfo")
          .put("groupId", groupId)
          .put("groupName", "Northside Mutual Aid")
          .put("revision", 3)
          .put("type", "DELIVER");
    }
    return params;
  }
}
