package org.aidbridge.bot.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.aidbridge.bot.model.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How sure the parser is, read against the default bands: at or above {@code listing} the bot makes
 * a listing, between {@code ask} and {@code listing} it asks in private and stays silent in a
 * group. Every sentence here was written for this test.
 */
class ConfidenceTest {

  private static final double LISTING = ConfidenceBands.DEFAULT.listing();
  private static final double ASK = ConfidenceBands.DEFAULT.ask();

  private final LexiconParser parser = LexiconParser.withoutPlaces();

  private ParsedMessage parse(String text) {
    return parser.parse(text, ParseContext.at(Instant.parse("2026-11-24T10:00:00Z")));
  }

  @Nested
  class RelayedReports {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "the camp is short of tents",
          "people in the camp have no water",
          "en el albergue se acabaron las cobijas",
          "توی کمپ کمبود پتو داریم",
        })
    void aReportNamingItsThingInItsOwnClauseIsAListing(String text) {
      ParsedMessage parsed = parse(text);
      assertThat(parsed.kind()).isEqualTo(Kind.NEED);
      assertThat(parsed.confidence()).isGreaterThanOrEqualTo(LISTING);
    }

    /**
     * The bonus for a thing named "elsewhere" belongs to cues that have nothing nearer; a report
     * whose thing is only in the next clause keeps its lower support and is asked about.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "the shelter ran out, blankets would help",
          "faltan cosas en el albergue, cobijas sobre todo",
          "the roads are flooded near the school, drive safe",
        })
    void aReportWhoseThingIsInAnotherClauseIsOnlyAskedAbout(String text) {
      ParsedMessage parsed = parse(text);
      assertThat(parsed.confidence()).isLessThan(LISTING).isGreaterThanOrEqualTo(ASK);
    }
  }
}
