package org.aidbridge.routes.telegram;

import java.util.Optional;

/**
 * The one scheme for ids of Telegram messages in AidBridge: {@code "<chat_id>:<message_id>"}.
 *
 * <p>A message id is unique only within its chat, so both parts are needed. The sender returns this
 * form as the channel message id of what it sent, and the translator uses it for {@code replyTo} (a
 * reply to one of the bot's messages, a button pressed under one), so that an answer ties back to
 * the message it answers.
 */
public final class MessageIds {

  private MessageIds() {}

  public static String of(long chatId, long messageId) {
    return chatId + ":" + messageId;
  }

  /** A message id in a chat, parsed from {@code "<chat_id>:<message_id>"}. */
  public record ChatMessage(long chatId, int messageId) {}

  /** Parses an id made by {@link #of}; empty for anything else (an id from another scheme). */
  public static Optional<ChatMessage> parse(String id) {
    if (id == null) {
      return Optional.empty();
    }
    int colon = id.lastIndexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    try {
      long chat = Long.parseLong(id.substring(0, colon));
      int message = Integer.parseInt(id.substring(colon + 1));
      return Optional.of(new ChatMessage(chat, message));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
