package org.aidbridge.routes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchesCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Cli cli;

  @BeforeEach
  void importListings() throws IOException {
    cli = new Cli(dir);
    Files.writeString(
        dir.resolve("sheet.csv"),
        String.join(
            "\n",
            "id,place,text",
            "need-1,Portland,I need insulin urgently",
            "offer-far,Miami,I can give insulin",
            ",Portland,I have spare insulin to give",
            "need-2,Portland,need a winter coat",
            ""));
    assertThat(cli.run("import", "sheet.csv").out()).contains("4 imported");
  }

  private List<JsonNode> json(String... args) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : cli.run(args).outLines()) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  @Test
  void eachOpenNeedGetsItsBestOffersNamedByExternalIdElseReference() throws IOException {
    List<JsonNode> matches = json("matches", "--json");

    assertThat(matches).hasSize(1);
    JsonNode match = matches.get(0);
    assertThat(match.get("need").asText()).isEqualTo("need-1");
    assertThat(match.get("offer").asText()).matches("O-[2-9A-Z]+");
    assertThat(match.get("score").isNumber()).isTrue();
    assertThat(match.get("reasons")).extracting(JsonNode::asText).contains("category:medicine");
  }

  @Test
  void topLimitsTheOffersPerNeed() throws IOException {
    Files.writeString(
        dir.resolve("more.csv"),
        "id,place,text\noffer-2,Portland,can give insulin\noffer-3,Portland,I can give insulin\n");
    cli.run("import", "more.csv");

    assertThat(json("matches", "--json", "--top", "2")).hasSize(2);
    assertThat(json("matches", "--json", "--top", "5")).hasSize(3);
  }

  @Test
  void plainOutputShowsTheNeedThenItsOffers() {
    List<String> lines = cli.run("matches").outLines();

    assertThat(lines.get(0)).startsWith("need-1 (need: ");
    assertThat(lines.get(1)).startsWith("  O-").contains("score ").contains("category:medicine");
  }
}
