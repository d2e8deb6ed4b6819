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
    // text null: a message bringing only a file (see withFile)
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

  /**
   * The same notification with a file attached, as signal-cli reports one ({@code JsonAttachment}:
   * type, name or null, id, size, picture size, caption, upload time); with {@code text} null the
   * message brings only the file, and its {@code message} is null.
   */
  public static ObjectNode withFile(ObjectNode params, String contentType, String filename) {
    ObjectNode data = (ObjectNode) params.at("/envelope/dataMessage");
    long timestamp = data.path("timestamp").asLong();
    ObjectNode file = data.withArray("attachments").addObject();
    file.put("contentType", contentType)
        .put("filename", filename)
        .put(
            "id",
            "Fb9sDRqQtlQ8pLD0" + timestamp + (contentType.startsWith("image") ? ".jpg" : ".aac"))
        .put("size", 112_233);
    if (contentType.startsWith("image")) {
      file.put("width", 1536).put("height", 2048);
    } else {
      file.putNull("width").putNull("height");
    }
    file.putNull("caption").put("uploadTimestamp", timestamp - 1_500);
    return params;
  }
}
