package org.aidbridge.routes.telegram;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aidbridge.bot.model.Choice;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** The Telegram parts of an outbound message: the quoted message and the buttons. */
final class Replies {
  /** Telegram takes at most 64 bytes of callback data. */
  static final int MAX_CALLBACK_BYTES = 64;

  private static final int BUTTONS_PER_ROW = 2;

  private Replies() {}

  /** Quotes the message answered when it is in the same chat (ids from {@link MessageIds}). */
  static Optional<ReplyParameters> replyParameters(String inReplyTo, String chatId) {
    return MessageIds.parse(inReplyTo)
        .filter(m -> Long.toString(m.chatId()).equals(chatId))
        .map(
            m ->
                ReplyParameters.builder()
                    .messageId(m.messageId())
                    .allowSendingWithoutReply(true)
                    .build());
  }

  /**
   * One button per choice, two to a row. A choice whose answer is too long for callback data gets
   * no button; the text already says how to answer without it.
   */
  static Optional<InlineKeyboardMarkup> keyboard(List<Choice> choices) {
    List<InlineKeyboardRow> rows = new ArrayList<>();
    InlineKeyboardRow row = new InlineKeyboardRow();
    for (Choice choice : choices) {
      if (choice.reply().getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_BYTES) {
        continue;
      }
      row.add(
          InlineKeyboardButton.builder().text(choice.label()).callbackData(choice.reply()).build());
      if (row.size() == BUTTONS_PER_ROW) {
        rows.add(row);
        row = new InlineKeyboardRow();
      }
    }
    if (!row.isEmpty()) {
      rows.add(row);
    }
    return rows.isEmpty()
        ? Optional.empty()
        : Optional.of(InlineKeyboardMarkup.builder().keyboard(rows).build());
  }
}
