package org.aidbridge.routes.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Updates as Telegram sends them, made from the recorded fixtures with other people and words. */
public final class Updates {
  private Updates() {}

  public static ObjectNode privateText(long userId, String username, String language, String text) {
    ObjectNode update = Fixtures.json("private-text.json");
    ObjectNode message = (ObjectNode) update.get("message");
    person((ObjectNode) message.get("from"), userId, username, language);
    ObjectNode chat = (ObjectNode) message.get("chat");
    chat.put("id", userId);
    chat.put("username", username);
    message.put("text", text);
    return update;
  }

  /**
   * A private photo, as Telegram sends one: no {@code text}, the picture in several sizes, and the
   * caption the person typed under it, if any.
   */
  public static ObjectNode privatePhoto(
      long userId, String username, String language, String caption) {
    ObjectNode update = privateText(userId, username, language, "");
    ObjectNode message = (ObjectNode) update.get("message");
    message.remove("text");
    com.fasterxml.jackson.databind.node.ArrayNode sizes = message.putArray("photo");
    int[][] dimensions = {{90, 67}, {320, 240}, {1280, 960}};
    for (int[] size : dimensions) {
      ObjectNode photo = sizes.addObject();
      photo.put("file_id", "AgACAgQAAxkBAAIBZ2XoPhoto" + size[0]);
      photo.put("file_unique_id", "AQADx7kxG" + size[0]);
      photo.put("file_size", size[0] * size[1] / 8);
      photo.put("width", size[0]);
      photo.put("height", size[1]);
    }
    if (caption != null) {
      message.put("caption", caption);
    }
    return update;
  }

  /** A private voice note, as Telegram sends one: no text, no caption. */
  public static ObjectNode privateVoice(long userId, String username, String language) {
    ObjectNode update = privateText(userId, username, language, "");
    ObjectNode message = (ObjectNode) update.get("message");
    message.remove("text");
    ObjectNode voice = message.putObject("voice");
    voice.put("duration", 4);
    voice.put("mime_type", "audio/ogg");
    voice.put("file_id", "AwACAgQAAxkBAAIBaGXoVoice");
    voice.put("file_unique_id", "AgADeBMAAk");
    voice.put("file_size", 9541);
    return update;
  }

  /** A group post of a document with a caption, as Telegram sends one. */
  public static ObjectNode groupDocument(
      long chatId, long userId, String username, String caption) {
    ObjectNode update = groupText(chatId, userId, username, "");
    ObjectNode message = (ObjectNode) update.get("message");
    message.remove("text");
    ObjectNode document = message.putObject("document");
    document.put("file_name", "list.pdf");
    document.put("mime_type", "application/pdf");
    document.put("file_id", "BQACAgQAAxkBAAIBaWXoDoc");
    document.put("file_unique_id", "AgADfBMAAk");
    document.put("file_size", 48211);
    message.put("caption", caption);
    return update;
  }

  /** A private message replying to the bot's message {@code repliedMessageId} in that chat. */
  public static ObjectNode privateReply(
      long userId, String username, String text, int repliedMessageId) {
    ObjectNode update = Fixtures.json("private-reply-to-bot.json");
    ObjectNode message = (ObjectNode) update.get("message");
    person((ObjectNode) message.get("from"), userId, username, "en");
    ((ObjectNode) message.get("chat")).put("id", userId);
    ((ObjectNode) message.at("/reply_to_message/chat")).put("id", userId);
    ((ObjectNode) message.get("reply_to_message")).put("message_id", repliedMessageId);
    message.put("text", text);
    return update;
  }

  public static ObjectNode groupText(long chatId, long userId, String username, String text) {
    ObjectNode update = Fixtures.json("group-chatter.json");
    ObjectNode message = (ObjectNode) update.get("message");
    person((ObjectNode) message.get("from"), userId, username, "en");
    ((ObjectNode) message.get("chat")).put("id", chatId);
    message.put("text", text);
    return update;
  }

  /**
   * A channel's post that Telegram copies into the channel's linked discussion group: written in
   * the channel's name ({@code sender_chat}), its {@code from} the service account 777000 for every
   * channel.
   */
  public static ObjectNode automaticForward(long chatId, long channelId, String text) {
    ObjectNode update = groupText(chatId, 777000L, null, text);
    ObjectNode message = (ObjectNode) update.get("message");
    ObjectNode from = (ObjectNode) message.get("from");
    from.remove("username");
    from.put("first_name", "Telegram");
    ObjectNode channel = message.putObject("sender_chat");
    channel.put("id", channelId);
    channel.put("title", "Channel " + channelId);
    channel.put("type", "channel");
    message.put("is_automatic_forward", true);
    return update;
  }

  /** A button pressed under the bot's message {@code messageId} in a private chat. */
  static ObjectNode button(long userId, String data, int messageId) {
    ObjectNode update = Fixtures.json("callback-query.json");
    ObjectNode query = (ObjectNode) update.get("callback_query");
    query.put("id", "q" + userId + "-" + messageId);
    person((ObjectNode) query.get("from"), userId, "u" + userId, "en");
    ((ObjectNode) query.get("message")).put("message_id", messageId);
    ((ObjectNode) query.at("/message/chat")).put("id", userId);
    query.put("data", data);
    return update;
  }

  static ObjectNode botAdded(long chatId, long byUserId) {
    ObjectNode update = Fixtures.json("my-chat-member-added.json");
    ((ObjectNode) update.at("/my_chat_member/chat")).put("id", chatId);
    ((ObjectNode) update.at("/my_chat_member/from")).put("id", byUserId);
    return update;
  }

  static ObjectNode botRemoved(long chatId) {
    ObjectNode update = Fixtures.json("my-chat-member-removed.json");
    ((ObjectNode) update.at("/my_chat_member/chat")).put("id", chatId);
    return update;
  }

  static ObjectNode migrated(long fromChatId, long toChatId) {
    ObjectNode update = Fixtures.json("migrate-to-supergroup.json");
    ((ObjectNode) update.at("/message/chat")).put("id", fromChatId);
    ((ObjectNode) update.get("message")).put("migrate_to_chat_id", toChatId);
    return update;
  }

  private static void person(ObjectNode from, long id, String username, String language) {
    from.put("id", id);
    from.put("username", username);
    from.put("language_code", language);
  }
}
