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
 * A person whose text was longer than the bot reads is told so once, in private, in their words.
 */
class LongTextNoteTest {
  private static final Address ROSA = Address.person(Channel.SIGNAL, "7ccae375-rosa");
  private static final Address GROUP = Address.group(Channel.SIGNAL, "grp=");

  private final ReadingNotesFixture notes = new ReadingNotesFixture();
  private final Store store = notes.store();
  private final BotService bot = notes.bot();

  @AfterEach
  void close() {
    notes.close();
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
    // Stored, then the process died before the core handled it (or a channel leader stored it
    // for the core leader to read).
    handledAfterARestart(
        dir,
        InboundMessage.direct(ROSA, "4", "need insulin in Portland " + filler(), NOW),
        after -> {
          assertThat(after.dueOutbox(Channel.SIGNAL, NOW.plus(Duration.ofDays(1)), 10))
              .extracting(entry -> entry.message().text())
              .filteredOn(text -> text.contains(Texts.get("en", "message.cut")))
              .hasSize(1);
          assertThat(after.activeListingsOf(ROSA)).hasSize(1);
        });
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
