package org.aidbridge.bot.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.OutboundMessage;

/**
 * The short notes for a person whose message the bot did not read whole: its text was longer than
 * the bot reads, or it brought an attachment (a photo, a document, a voice note), which the bot
 * never reads. Without them the person would not know that part of what they sent was never read.
 * They ride on the first answer to them, in that answer's language, so a mail gets one mail back,
 * not two; only when the bot has nothing else to say to them do they go alone.
 */
final class ReadingNotes {
  static final String TEXT_CUT = "message.cut";
  static final String ATTACHMENT_SKIPPED = "message.attachment";

  private ReadingNotes() {}

  /** The notes this message calls for, by their text key; none for a message read whole. */
  static List<String> of(InboundMessage message) {
    List<String> keys = new ArrayList<>(2);
    if (message.textCut()) {
      keys.add(TEXT_CUT);
    }
    if (message.attachmentSkipped()) {
      keys.add(ATTACHMENT_SKIPPED);
    }
    return keys;
  }

  static List<OutboundMessage> added(
      InboundMessage message,
      List<String> keys,
      List<OutboundMessage> answers,
      Replies replies,
      Supplier<String> language) {
    List<OutboundMessage> out = new ArrayList<>(answers);
    for (int i = 0; i < out.size(); i++) {
      OutboundMessage answer = out.get(i);
      if (answer.to().equals(message.sender())) {
        String text = answer.text().isBlank() ? "" : answer.text() + "\n\n";
        out.set(i, answer.withText(text + notes(keys, answer.language())));
        return out;
      }
    }
    String alone = language.get();
    out.add(replies.answer(message, alone, notes(keys, alone)));
    return out;
  }

  private static String notes(List<String> keys, String language) {
    return keys.stream().map(key -> Texts.get(language, key)).collect(Collectors.joining("\n\n"));
  }
}
