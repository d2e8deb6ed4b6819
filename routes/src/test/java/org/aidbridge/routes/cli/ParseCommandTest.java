package org.aidbridge.routes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.aidbridge.bot.parse.ConfidenceBands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private List<JsonNode> parse(String input) throws Exception {
    Cli.Result result = new Cli(dir).runWithInput(input, "parse");
    assertThat(result.exitCode()).isZero();
    List<JsonNode> lines = new java.util.ArrayList<>();
    for (String line : result.outLines()) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  @Test
  void plainTextLineBecomesAListing() throws Exception {
    JsonNode need = parse("I need 2 bags of rice in Portland, urgent\n").get(0);

    assertThat(need.get("kind").asText()).isEqualTo("need");
    assertThat(need.get("categories")).extracting(JsonNode::asText).contains("food");
    assertThat(need.get("items").get(0).get("name").asText()).contains("rice");
    assertThat(need.get("items").get(0).get("quantity").isNumber()).isTrue();
    assertThat(need.get("items").get(0).get("quantity").asInt()).isEqualTo(2);
    assertThat(need.get("urgency").asText()).isEqualTo("high");
    assertThat(need.get("language").asText()).isEqualTo("en");
    assertThat(need.get("place").get("text").asText()).contains("Portland");
    // The rules' 0.9 (a cue with its thing in its clause), weighed with the classifier.
    assertThat(need.get("confidence").asDouble()).isBetween(0.8, 1.0);
  }

  @Test
  void aHalfClearMessageShowsItsKindWithALowerConfidence() throws Exception {
    JsonNode half = parse("I need some help with something this week\n").get(0);

    assertThat(half.get("kind").asText()).isEqualTo("need");
    // In the middle band: asked about in private, silent in a group.
    assertThat(half.get("confidence").asDouble())
        .isGreaterThanOrEqualTo(ConfidenceBands.DEFAULT.ask())
        .isLessThan(ConfidenceBands.DEFAULT.listing());
  }

  @Test
  void jsonLineIsReadWithItsLanguage() throws Exception {
    JsonNode offer =
        parse("{\"text\": \"puedo dar dos cajas de agua\", \"lang\": \"es\"}\n").get(0);

    assertThat(offer.get("kind").asText()).isEqualTo("offer");
    assertThat(offer.get("categories")).extracting(JsonNode::asText).contains("water");
    assertThat(offer.get("language").asText()).isEqualTo("es");
  }

  @Test
  void chatterIsNoneWithAPlaceOfNull() throws Exception {
    JsonNode none = parse("thanks everyone!\n").get(0);

    assertThat(none.get("kind").asText()).isEqualTo("none");
    assertThat(none.get("confidence").asDouble()).isZero();
    assertThat(none.has("place")).isTrue();
    assertThat(none.get("place").isNull()).isTrue();
  }

  @Test
  void badLinesGiveAnErrorEachAndTheRestGoOn() throws Exception {
    List<JsonNode> out =
        parse(
            String.join(
                "\n",
                "{\"text\": \"need water\"",
                "{\"lang\": \"en\"}",
                "{\"text\": 42}",
                "",
                "can give a ride to the clinic",
                ""));

    assertThat(out).hasSize(5);
    assertThat(out.get(0).get("error").asText()).contains("not a valid JSON object");
    assertThat(out.get(1).get("error").asText()).contains("\"text\"");
    assertThat(out.get(2).get("error").asText()).contains("\"text\"");
    assertThat(out.get(3).get("kind").asText()).isEqualTo("none");
    assertThat(out.get(4).get("kind").asText()).isEqualTo("offer");
  }

  @Test
  void everyInputLineGivesExactlyOneOutputLine() throws Exception {
    String input = "need insulin\n\u202Eرhello\u0000\n{}\n😀😀\r\nI have diapers size 4\n";

    Cli.Result result = new Cli(dir).runWithInput(input, "parse");

    assertThat(result.outLines()).hasSize(5);
  }
}
