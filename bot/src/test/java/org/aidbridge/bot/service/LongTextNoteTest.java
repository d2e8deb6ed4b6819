package org.aidbridge.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.aidbridge.bot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person whose text was longer than the bot reads is told so once, in private, in their words.
 */
class LongTextNoteTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final Address ROSA = Address.person(Channel.SIGNAL, "7ccae375-rosa");
  private static final Address GROUP = Address.group(Channel.SIGNAL, "grp=");

  private final Store store = SqliteStore.open(":memory:");
  private final BotService bot = Bots.create(store, BotSettings.DEFAULT, new MutableClock(NOW));

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aCutTextIsAnsweredWithOneNoteInTheAnswersLanguage() {
    List<OutboundMessage> out =
        bot.handle(
            InboundMessage.direct(
                ROSA, "1", "به انسولین نیاز دارم در تهران " + "و ".repeat(10_000), NOW));

    assertThat(out).filteredOn(o -> o.text().contains("فقط بخش اول آن را خواندم")).hasSize(1);
    assertThat(out).noneMatch(o -> o.text().contains("read only its first part"));
    assertThat(store.activeListingsOf(ROSA)).hasSize(1);
  }

  @Test
  void aCutTextHandledFromTheStoredInboxAfterARestartStillGetsTheNoteOnce(@TempDir Path dir) {
    String file = dir.resolve("aidbridge.db").toString();
    try (Store before = SqliteStore.open(file)) {
      // Stored, then the process died before the core handled it (or a channel leader stored it
      // for the core leader to read).
      before.recordInbound(
          InboundMessage.direct(ROSA, "4", "need insulin in Portland " + filler(), NOW));
    }

    try (Store after = SqliteStore.open(file)) {
      BotService restarted = Bots.create(after, BotSettings.DEFAULT, new MutableClock(NOW));
      assertThat(restarted.resumePending()).isEqualTo(1);
      assertThat(restarted.resumePending()).isZero();

      assertThat(after.dueOutbox(Channel.SIGNAL, NOW.plus(Duration.ofDays(1)), 10))
          .extracting(entry -> entry.message().text())
          .filteredOn(text -> text.contains(Texts.get("en", "message.cut")))
          .hasSize(1);
      assertThat(after.activeListingsOf(ROSA)).hasSize(1);
    }
  }

  @Test
  void aWholeTextGetsNoNote() {
    List<OutboundMessage> out =
        bot.handle(InboundMessage.direct(ROSA, "1", "need insulin in Portland", NOW));

    assertThat(out).isNotEmpty().noneMatch(o -> o.text().contains("first part"));
  }

  @Test
  void aCutTextInAGroupGetsNoNoteThereNorInPrivate() {
    InboundMessage inGroup =
        new InboundMessage(
            Channel.SIGNAL,
            "2",
            ROSA,
            GROUP,
            "need insulin in Portland " + filler(),
            null,
            null,
            null,
            true,
            false,
            NOW);

    assertThat(bot.handle(inGroup)).noneMatch(o -> o.text().contains("first part"));
  }

  @Test
  void aBannedPersonGetsNoNoteEither() {
    store.ban(ROSA, NOW);

    assertThat(bot.handle(InboundMessage.direct(ROSA, "3", "need rice " + filler(), NOW)))
        .isEmpty();
  }

  private static String filler() {
    return "x".repeat(20_000);
  }
}
