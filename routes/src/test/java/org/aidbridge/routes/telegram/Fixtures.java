package org.aidbridge.routes.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Reads the recorded Bot API payloads under {@code fixtures/telegram}. */
final class Fixtures {
  static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  static ObjectNode json(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/telegram/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Update update(String name) {
    return JSON.convertValue(json(name), Update.class);
  }
}
