package org.aidbridge.bot.service;

import static org.aidbridge.bot.service.ReadingNotesFixture.NOW;
import static org.aidbridge.bot.service.ReadingNotesFixture.handledAfterARestart;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person who sent an attachment, which the bot never reads, is told so once, in private, in their
 * language; a group hears nothing of it.
 */
class AttachmentNoteTest {
  private static final Address ROSA = Address.person(Channel.TELEGRAM, "4242");
  private static final Address GROUP = Address.group(Channel.TELEGRAM, "-100777");

  private final ReadingNotesFixture notes = new ReadingNotesFixture();
  private final Store store = notes.store();
  private final BotService bot = notes.bot();

  @AfterEach
  void close() {
    notes.close();
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
    handledAfterARestart(
        dir,
        privately("4", "", "fa"),
        after ->
            assertThat(after.dueOutbox(Channel.TELEGRAM, NOW.plus(Duration.ofDays(1)), 10))
                .extracting(entry -> entry.message().text())
                .containsExactly(Texts.get("fa", ReadingNotes.ATTACHMENT_SKIPPED)));
  }

  private static InboundMessage privately(String id, String text, String language) {
    return new InboundMessage(
            Channel.TELEGRAM, id, ROSA, null, text, null, language, null, true, false, NOW)
        .withAttachmentSkipped();
  }
}
