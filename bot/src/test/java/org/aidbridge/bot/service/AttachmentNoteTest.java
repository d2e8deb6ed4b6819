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
 * A person who sent an attachment, which the bot never reads, is told so once, in private, in their
 * language; a group hears nothing of it.
 */
class AttachmentNoteTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final Address ROSA = Address.person(Channel.TELEGRAM, "4242");
  private static final Address GROUP = Address.group(Channel.TELEGRAM, "-100777");

  private final Store store = SqliteStore.open(":memory:");
  private final BotService bot = Bots.create(store, BotSettings.DEFAULT, new MutableClock(NOW));

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void anAttachmentAloneIsAnsweredWithTheNoteAloneInThePersonsLanguage() {
    List<OutboundMessage> out = bot.handle(privately("1", "", "es"));

    assertThat(out)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.to()).isEqualTo(ROSA);
              assertThat(o.text()).isEqualTo(Texts.get("es", ReadingNotes.ATTACHMENT_SKIPPED));
            });
  }

  @Test
  void aTextWithAnAttachmentIsAnsweredAsUsualWithTheNoteOnce() {
    List<OutboundMessage> out = bot.handle(privately("1", "need insulin in Portland", "en"));

    assertThat(store.activeListingsOf(ROSA)).hasSize(1);
    assertThat(out)
        .filteredOn(o -> o.text().contains(Texts.get("en", ReadingNotes.ATTACHMENT_SKIPPED)))
        .singleElement()
        .satisfies(o -> assertThat(o.text()).isNotEqualTo(Texts.get("en", "message.attachment")));
  }

  @Test
  void aGroupHearsNothingOfAnAttachment() {
    InboundMessage inGroup =
        new InboundMessage(
                Channel.TELEGRAM, "2", ROSA, GROUP, "/help", null, "en", null, true, false, NOW)
            .withAttachmentSkipped();

    List<OutboundMessage> out = bot.handle(inGroup);

    assertThat(out)
        .isNotEmpty()
        .noneMatch(o -> o.text().contains(Texts.get("en", ReadingNotes.ATTACHMENT_SKIPPED)));
  }

  @Test
  void anAttachmentHandledFromTheStoredInboxAfterARestartStillGetsTheNoteOnce(@TempDir Path dir) {
    String file = dir.resolve("aidbridge.db").toString();
    try (Store before = SqliteStore.open(file)) {
      before.recordInbound(privately("4", "", "fa"));
    }

    try (Store after = SqliteStore.open(file)) {
      BotService restarted = Bots.create(after, BotSettings.DEFAULT, new MutableClock(NOW));
      assertThat(restarted.resumePending()).isEqualTo(1);
      assertThat(restarted.resumePending()).isZero();

      assertThat(after.dueOutbox(Channel.TELEGRAM, NOW.plus(Duration.ofDays(1)), 10))
          .extracting(entry -> entry.message().text())
          .containsExactly(Texts.get("fa", ReadingNotes.ATTACHMENT_SKIPPED));
    }
  }

  private static InboundMessage privately(String id, String text, String language) {
    return new InboundMessage(
            Channel.TELEGRAM, id, ROSA, null, text, null, language, null, true, false, NOW)
        .withAttachmentSkipped();
  }
}
