package org.aidbridge.bot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure while handling a stored message: a passing store failure (the database locked by
 * another process, such as an import) is retried until it passes; a message that fails every time
 * is given up on after a few attempts with a kind answer, and kept.
 */
class InboxRetryTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final Address ANA = Address.person(Channel.EMAIL, "ana@example.org");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(NOW);
  private Path file;
  private SqliteStore store;
  private BotService bot;

  @BeforeEach
  void open() {
    file = dir.resolve("aidbridge.db");
    store = SqliteStore.open(file.toString(), Duration.ofMillis(200));
    bot = Bots.create(store, BotSettings.DEFAULT, clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aMessageMetByALockedDatabaseIsAnsweredOnceTheLockIsGoneAndNeverWithSorry()
      throws SQLException {
    store.recordInbound(InboundMessage.direct(ANA, "<m1@example.org>", "help", NOW));

    try (Connection importer = otherProcess()) {
      importer.createStatement().execute("BEGIN EXCLUSIVE");
      assertThatCode(() -> bot.resumePending()).doesNotThrowAnyException();
      assertThat(outbox()).isEmpty();
      importer.createStatement().execute("ROLLBACK");
    }

    clock.advance(Duration.ofMinutes(1));
    bot.resumePending();

    assertThat(outbox())
        .singleElement()
        .satisfies(
            e -> assertThat(e.message().text()).isNotEqualTo(Texts.get("en", "error.sorry")));
    assertThat(store.unprocessedInbound(10)).isEmpty();
  }

  @Test
  void aMessageThatFailsEveryTimeIsTriedThreeTimesThenAnsweredKindlyAndKept() throws SQLException {
    try (Connection other = otherProcess()) {
      other
          .createStatement()
          .execute(
              "CREATE TRIGGER broken BEFORE INSERT ON listings"
                  + " BEGIN SELECT RAISE(ABORT, 'a bug'); END");
    }

    assertThat(bot.handle(InboundMessage.direct(ANA, "<m2@example.org>", "need: rice", NOW)))
        .isEmpty();
    assertThat(outbox()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    bot.resumePending();
    assertThat(outbox()).isEmpty();
    clock.advance(Duration.ofSeconds(2));
    bot.resumePending();

    assertThat(outbox())
        .singleElement()
        .satisfies(e -> assertThat(e.message().text()).isEqualTo(Texts.get("en", "error.sorry")));
    clock.advance(Duration.ofHours(1));
    assertThat(bot.resumePending()).isZero();
    store.deleteProcessedInboundBefore(NOW.plus(Duration.ofDays(365)));
    assertThat(inboxStates()).containsExactly("2:3");
  }

  @Test
  void aMessageThatFailsInABatchNeitherLosesNorDoublesTheOthersAndKeepsTheirOrder()
      throws SQLException {
    try (Connection other = otherProcess()) {
      other
          .createStatement()
          .execute(
              "CREATE TRIGGER broken BEFORE INSERT ON listings WHEN NEW.text LIKE '%diapers%'"
                  + " BEGIN SELECT RAISE(ABORT, 'a bug'); END");
    }
    Address ben = Address.person(Channel.EMAIL, "ben@example.org");

    bot.handleAll(
        List.of(
            InboundMessage.direct(ANA, "<b1@example.org>", "need: rice in Portland", NOW),
            InboundMessage.direct(ben, "<b2@example.org>", "need: diapers in Portland", NOW),
            InboundMessage.direct(ANA, "<b3@example.org>", "need: water in Portland", NOW)));

    assertThat(
            store.activeListingsOf(ANA).stream()
                .sorted(Comparator.comparingLong(Listing::id))
                .map(Listing::text))
        .containsExactly("need: rice in Portland", "need: water in Portland");
    assertThat(store.activeListingsOf(ben)).isEmpty();
    // Only the failing one waits for another try; the others are done and answered once.
    assertThat(store.unprocessedInbound(10))
        .extracting(s -> s.message().channelMessageId())
        .containsExactly("<b2@example.org>");
    assertThat(outbox()).filteredOn(e -> e.message().to().equals(ANA)).hasSize(2);
  }

  private Connection otherProcess() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  private List<OutboxEntry> outbox() {
    return store.dueOutbox(Channel.EMAIL, NOW.plus(Duration.ofDays(1)), 10);
  }

  /** Each inbox row as "processed:attempts". */
  private List<String> inboxStates() throws SQLException {
    try (Connection other = otherProcess();
        Statement statement = other.createStatement();
        ResultSet rows = statement.executeQuery("SELECT processed, attempts FROM inbox")) {
      List<String> states = new java.util.ArrayList<>();
      while (rows.next()) {
        states.add(rows.getInt(1) + ":" + rows.getInt(2));
      }
      return states;
    }
  }
}
