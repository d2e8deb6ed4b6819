package org.aidbridge.routes.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.aidbridge.bot.parse.ListingParser;
import org.aidbridge.bot.parse.ParseContext;

/**
 * Turns one input line of {@code parse} into one output line of JSON. A line starting with {@code
 * {} is a JSON object with {@code text} and an optional {@code lang}; any other line is the text.
 * Never throws: a line that cannot be read gives an {@link JsonError} line.
 */
final class ParseLines {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final ListingParser parser;
  private final Clock clock;
  private final String homeCountry;

  ParseLines(ListingParser parser, Clock clock, String homeCountry) {
    this.parser = parser;
    this.clock = clock;
    this.homeCountry = homeCountry;
  }

  String handle(String line) {
    try {
      return JSON.writeValueAsString(parse(line));
    } catch (JsonProcessingException e) {
      return "{\"error\":\"cannot write the result as JSON\"}";
    }
  }

  private Object parse(String line) {
    String text = line;
    String lang = null;
    if (line.stripLeading().startsWith("{")) {
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        return new JsonError("not a valid JSON object: " + e.getOriginalMessage());
      }
      if (!node.path("text").isTextual()) {
        return new JsonError("the JSON object has no \"text\" string");
      }
      if (node.has("lang") && !node.get("lang").isTextual() && !node.get("lang").isNull()) {
        return new JsonError("\"lang\" must be a string such as \"en\"");
      }
      text = node.get("text").asText();
      lang = node.path("lang").isTextual() ? node.get("lang").asText() : null;
    }
    try {
      return JsonParsed.from(
          parser.parse(text, new ParseContext(lang, clock.instant(), homeCountry)));
    } catch (RuntimeException e) {
      // The parser promises never to throw; if it does, this line says so and the next goes on.
      return new JsonError("the parser failed on this line: " + e.getClass().getSimpleName());
    }
  }
}
