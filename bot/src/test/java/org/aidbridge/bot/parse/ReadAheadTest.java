package org.aidbridge.bot.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aidbridge.bot.place.Gazetteer;
import org.junit.jupiter.api.Test;

/**
 * A text read ahead, before the moment it is handled at is known, reads at every moment exactly as
 * parsing it at that moment does: nothing but the expiry may depend on the moment.
 */
class ReadAheadTest {
  private static final LexiconParser PARSER = new LexiconParser(Gazetteer.loadDefault());

  /** A Friday morning, a Sunday just before midnight, and the Monday just after. */
  private static final List<Instant> MOMENTS =
      List.of(
          Instant.parse("2026-11-27T08:00:00Z"),
          Instant.parse("2026-11-29T23:59:59.900Z"),
          Instant.parse("2026-11-30T00:00:00.100Z"));

  @Test
  void aStatedEndIsWorkedOutFromTheMomentGivenNotFromWhenTheTextWasRead() {
    ListingParser.Reading ahead =
        PARSER.readAhead("need 20 liters of water in Oakland until tomorrow", context(null));

    assertThat(ahead.at(MOMENTS.get(1)).expiresAt()).isEqualTo("2026-11-30T23:59:59Z");
    assertThat(ahead.at(MOMENTS.get(2)).expiresAt()).isEqualTo("2026-12-01T23:59:59Z");
  }

  @Test
  void everyCorpusMessageReadAheadEqualsItsParseAtEachMoment() throws IOException {
    List<String> texts = corpusTexts();
    assertThat(texts).hasSizeGreaterThan(1_000);

    for (String text : texts) {
      ListingParser.Reading ahead = PARSER.readAhead(text, context(null));
      for (Instant moment : MOMENTS) {
        assertThat(ahead.at(moment)).as(text).isEqualTo(PARSER.parse(text, context(moment)));
      }
    }
  }

  @Test
  void theDefaultOfAnyParserReadsAtTheMomentGiven() {
    ListingParser plain = PARSER::parse; // a parser that does nothing ahead
    String text = "necesito agua en Monterrey hasta el lunes";

    assertThat(plain.readAhead(text, context(null)).at(MOMENTS.get(0)))
        .isEqualTo(PARSER.parse(text, context(MOMENTS.get(0))));
  }

  private static ParseContext context(Instant now) {
    return new ParseContext(null, now, "US");
  }

  private static List<String> corpusTexts() throws IOException {
    List<String> texts = new ArrayList<>();
    for (String language : List.of("en", "es", "fa")) {
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(
                  ReadAheadTest.class.getResourceAsStream("/corpus/" + language + ".tsv"),
                  StandardCharsets.UTF_8))) {
        in.lines()
            .filter(line -> !line.startsWith("#") && !line.isBlank())
            .map(line -> line.split("\t", 3)[2])
            .forEach(texts::add);
      }
    }
    return texts;
  }
}
