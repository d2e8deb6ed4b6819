package org.aidbridge.bot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.aidbridge.bot.parse.LexiconParser;
import org.aidbridge.bot.parse.ListingParser;
import org.aidbridge.bot.parse.ParseContext;
import org.aidbridge.bot.parse.ParsedMessage;
import org.aidbridge.bot.place.Gazetteer;
import org.junit.jupiter.api.Test;

/**
 * The readings of a batch are made on the reading thread and taken by the handling thread, and a
 * message reads the same either way. The parser here is the real one, noting where each reading was
 * made.
 */
class ParseAheadTest {
  private static final LexiconParser REAL = new LexiconParser(Gazetteer.loadDefault());
  private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
  private static final String NEED = "we need 2 tarps in San Jose until tomorrow";

  private final Noting parser = new Noting();
  private final ParseAhead ahead = new ParseAhead(parser);

  @Test
  void aTextReadAheadIsTakenAsItWasReadThereAndReadsAsParsingHereWould() {
    try (ParseAhead.Batch batch = ahead.start(List.of(wanted(NEED, "US")))) {
      await().until(() -> parser.notes.contains("ahead on parse-ahead: " + NEED));

      ParsedMessage read = ahead.parse(NEED, context("US"));

      assertThat(read).isEqualTo(REAL.parse(NEED, context("US")));
      assertThat(read.expiresAt()).isEqualTo("2026-11-28T23:59:59Z");
      assertThat(parser.notes).containsExactly("ahead on parse-ahead: " + NEED);
    }
  }

  @Test
  void aTextWantedWithAnotherHomeCountryIsReadAgainWithItsOwn() {
    try (ParseAhead.Batch batch = ahead.start(List.of(wanted(NEED, "US")))) {
      await().until(() -> parser.notes.contains("ahead on parse-ahead: " + NEED));

      ParsedMessage read = ahead.parse(NEED, context("CR"));

      assertThat(read.place().country()).isEqualTo("CR");
      assertThat(read).isEqualTo(REAL.parse(NEED, context("CR")));
      assertThat(parser.notes)
          .contains("parse on " + Thread.currentThread().getName() + ": " + NEED);
    }
  }

  @Test
  void aReadingTheReadingThreadHasNotReachedIsMadeByTheThreadThatNeedsItAndOnlyThere() {
    String held = "hold the reading thread here";
    String later = "offer: rice in Oakland";
    String here = Thread.currentThread().getName();
    parser.holdAt(held);
    try (ParseAhead.Batch first = ahead.start(List.of(wanted(held, "US")));
        ParseAhead.Batch second = ahead.start(List.of(wanted(later, "US")))) {
      await().until(() -> parser.notes.contains("ahead on parse-ahead: " + held));

      assertThat(ahead.parse(later, context("US"))).isEqualTo(REAL.parse(later, context("US")));

      assertThat(parser.notes).contains("ahead on " + here + ": " + later);
    } finally {
      parser.release();
    }
    String marker = "need: water in Oakland";
    try (ParseAhead.Batch third = ahead.start(List.of(wanted(marker, "US")))) {
      await().until(() -> parser.notes.contains("ahead on parse-ahead: " + marker));
    }
    assertThat(parser.notes).doesNotContain("ahead on parse-ahead: " + later);
  }

  @Test
  void onceItsBatchIsClosedATextIsReadWhereItIsNeeded() {
    try (ParseAhead.Batch batch = ahead.start(List.of(wanted(NEED, "US")))) {
      await().until(() -> parser.notes.contains("ahead on parse-ahead: " + NEED));
    }

    ahead.parse(NEED, context("US"));

    assertThat(parser.notes).contains("parse on " + Thread.currentThread().getName() + ": " + NEED);
  }

  private static ParseAhead.Wanted wanted(String text, String home) {
    return new ParseAhead.Wanted(text, null, home);
  }

  private static ParseContext context(String home) {
    return new ParseContext(null, NOW, home);
  }

  /** The real parser, noting which thread read what, and able to hold one reading. */
  private static final class Noting implements ListingParser {
    final List<String> notes = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile String holding;

    void holdAt(String text) {
      holding = text;
    }

    void release() {
      released.countDown();
    }

    @Override
    public ParsedMessage parse(String text, ParseContext context) {
      notes.add("parse on " + Thread.currentThread().getName() + ": " + text);
      return REAL.parse(text, context);
    }

    @Override
    public Reading readAhead(String text, ParseContext context) {
      notes.add("ahead on " + Thread.currentThread().getName() + ": " + text);
      if (text.equals(holding)) {
        try {
          released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return REAL.readAhead(text, context);
    }
  }
}
