package org.aidbridge.routes.signal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads the recorded payloads under {@code fixtures/signal}, filling in {@code ${name}} values. */
final class SignalFixtures {
  static final ObjectMapper JSON = new ObjectMapper();

  private SignalFixtures() {}

  static String text(String name) {
    try (InputStream in = SignalFixtures.class.getResourceAsStream("/fixtures/signal/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The fixture as JSON, each {@code ${key}} replaced by its value as written (so a string value
   * must carry its quotes: {@code "\"+1555\""}, or be {@code null}).
   */
  static JsonNode json(String name, Map<String, String> values) {
    String text = text(name);
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("${" + value.getKey() + "}", value.getValue());
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("fixture " + name + " is not JSON once filled in", e);
    }
  }

  static JsonNode json(String name) {
    return json(name, Map.of());
  }

  /** The params of a recorded {@code receive} notification. */
  static JsonNode receiveParams(String name) {
    return json(name).get("params");
  }

  static String quoted(String value) {
    return value == null ? "null" : JSON.getNodeFactory().textNode(value).toString();
  }
}
