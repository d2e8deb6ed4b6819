package org.aidbridge.bot.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.OutboundMessage;

/**
 * The one short note for a person whose message was longer than the bot reads: without it they
 * would not know that the end of what they wrote was never read. It rides on the first answer to
 * them, in that answer's language, so a mail gets one mail back, not two; only when the bot has
 * nothing else to say to them does it go alone.
 */
final class LongTextNote {
  static final String KEY = "message.cut";

  private LongTextNote() {}

  static List<OutboundMessage> added(
      InboundMessage message,
      List<OutboundMessage> answers,
      Replies replies,
      Supplier<String> language) {
    List<OutboundMessage> out = new ArrayList<>(answers);
    for (int i = 0; i < out.size(); i++) {
      OutboundMessage answer = out.get(i);
      if (answer.to().equals(message.sender())) {
        String note = Texts.get(answer.language(), KEY);
        out.set(i, answer.withText(answer.text() + "\n\n" + note));
        return out;
      }
    }
    String alone = language.get();
    out.add(replies.answer(message, alone, Texts.get(alone, KEY)));
    return out;
  }
}
