package org.aidbridge.routes.telegram;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Turns a Telegram update into what it means to AidBridge. Telegram's payloads stop here: the core
 * sees only {@link InboundMessage}s, whose {@code channelMessageId} is the update id together with
 * what the update is about ({@code <update id>/<chat id>:<message id>} for a message), so a
 * redelivered update is handled once, and a new update whose id repeats an old one (Telegram starts
 * ids again at a random value after a week without updates) is not taken for it.
 *
 * <p>When the bot is added to a group, the core receives {@code /start} from the person who added
 * it, in that group, addressed to the bot: the core answers it with its introduction.
 */
public final class UpdateTranslator {
  /** The text the core receives when the bot has been added to a group. */
  public static final String ADDED_TO_GROUP_TEXT = "/start";

  private static final Set<String> PRESENT =
      Set.of("member", "administrator", "creator", "restricted");

  private final BotIdentity bot;
  private final AdminCheck admins;
  private final Clock clock;

  public UpdateTranslator(BotIdentity bot, AdminCheck admins, Clock clock) {
    this.bot = bot;
    this.admins = admins;
    this.clock = clock;
  }

  public TelegramEvent translate(Update update) {
    String updateId = update.getUpdateId() + "/";
    if (update.getMessage() != null) {
      Message m = update.getMessage();
      return message(updateId + m.getChatId() + ":" + m.getMessageId(), m);
    }
    if (update.getCallbackQuery() != null) {
      return button(updateId + update.getCallbackQuery().getId(), update.getCallbackQuery());
    }
    if (update.getMyChatMember() != null) {
      ChatMemberUpdated change = update.getMyChatMember();
      String key = change.getChat().getId() + ":" + change.getDate();
      return membership(updateId + key, change);
    }
    return new TelegramEvent.Ignored("update of a kind AidBridge does not read");
  }

  private TelegramEvent message(String id, Message m) {
    Chat chat = m.getChat();
    if (m.getMigrateToChatId() != null) {
      return new TelegramEvent.GroupMoved(group(chat.getId()), group(m.getMigrateToChatId()));
    }
    User from = m.getFrom();
    if (from == null || Boolean.TRUE.equals(from.getIsBot()) || m.getSenderChat() != null) {
      // sender_chat: written in a chat's name (an anonymous admin, a channel, a channel's post
      // copied into its group). Its "from" then stands for no one: for a channel's copied post
      // it is the service account 777000, the same for every channel, which would make all of
      // them one person who could close the others' listings.
      return new TelegramEvent.Ignored("not written by a person");
    }
    String text = m.getText() != null ? m.getText() : m.getCaption();
    Instant at = Instant.ofEpochSecond(m.getDate());
    String replyTo = replyToBot(m);
    if ("private".equals(chat.getType())) {
      GroupText read = GroupText.read(text, bot);
      return inbound(id, from, null, read.text(), replyTo, true, false, at, hasFile(m));
    }
    if (!isGroup(chat)) {
      return new TelegramEvent.Ignored("a channel post");
    }
    if (text == null || text.isBlank()) {
      return new TelegramEvent.Ignored("a group post without text");
    }
    GroupText read = GroupText.read(text, bot);
    if (read.forOtherBot()) {
      return new TelegramEvent.Ignored("a command for another bot");
    }
    boolean addressed = read.addressed() || replyTo != null;
    boolean admin = read.isAdminCommand() && admins.isAdmin(chat.getId(), from.getId());
    return inbound(
        id, from, group(chat.getId()), read.text(), replyTo, addressed, admin, at, hasFile(m));
  }

  /**
   * Whether the message brought a file the bot does not read: a photo, a document, a voice note, a
   * video, a sound, a round video or a GIF (Telegram sends a GIF as both {@code animation} and
   * {@code document}). A sticker, a location or a contact is not a file the person attached.
   */
  private static boolean hasFile(Message m) {
    return m.hasPhoto()
        || m.hasDocument()
        || m.hasVoice()
        || m.hasVideo()
        || m.hasAudio()
        || m.hasVideoNote()
        || m.hasAnimation();
  }

  private TelegramEvent button(String id, CallbackQuery query) {
    MaybeInaccessibleMessage under = query.getMessage();
    if (under == null || query.getData() == null) {
      return new TelegramEvent.Ignored("a button without data or message");
    }
    Chat chat = under.getChat();
    Address group = isGroup(chat) ? group(chat.getId()) : null;
    boolean admin = false;
    if (group != null) {
      GroupText read = GroupText.read(query.getData(), bot);
      admin = read.isAdminCommand() && admins.isAdmin(chat.getId(), query.getFrom().getId());
    }
    String replyTo = MessageIds.of(chat.getId(), under.getMessageId());
    InboundMessage msg =
        toCore(id, query.getFrom(), group, query.getData(), replyTo, true, admin, clock.instant());
    return new TelegramEvent.Inbound(msg, query.getId());
  }

  private TelegramEvent membership(String id, ChatMemberUpdated change) {
    Chat chat = change.getChat();
    boolean wasIn = PRESENT.contains(change.getOldChatMember().getStatus());
    boolean isIn = PRESENT.contains(change.getNewChatMember().getStatus());
    if ("private".equals(chat.getType())) {
      // In a private chat "kicked" means the person blocked the bot.
      return wasIn == isIn
          ? new TelegramEvent.Ignored("no change of reachability")
          : new TelegramEvent.Reachability(person(chat.getId()), isIn);
    }
    if (!isGroup(chat) || wasIn == isIn) {
      return new TelegramEvent.Ignored("no change of membership in a group");
    }
    if (!isIn) {
      return new TelegramEvent.Reachability(group(chat.getId()), false);
    }
    Instant at = Instant.ofEpochSecond(change.getDate());
    Address group = group(chat.getId());
    return new TelegramEvent.AddedToGroup(
        group, toCore(id, change.getFrom(), group, ADDED_TO_GROUP_TEXT, null, true, false, at));
  }

  private TelegramEvent inbound(
      String id,
      User from,
      Address group,
      String text,
      String replyTo,
      boolean addressed,
      boolean admin,
      Instant at,
      boolean hasFile) {
    InboundMessage message = toCore(id, from, group, text, replyTo, addressed, admin, at);
    return new TelegramEvent.Inbound(hasFile ? message.withAttachmentSkipped() : message, null);
  }

  private static InboundMessage toCore(
      String id,
      User from,
      Address group,
      String text,
      String replyTo,
      boolean addressed,
      boolean admin,
      Instant at) {
    return new InboundMessage(
        Channel.TELEGRAM,
        id,
        person(from.getId()),
        group,
        text,
        null,
        from.getLanguageCode(),
        replyTo,
        addressed,
        admin,
        at);
  }

  /** The id of the bot's message this one replies to, in {@link MessageIds} form, or null. */
  private String replyToBot(Message m) {
    Message original = m.getReplyToMessage();
    if (original == null || original.getFrom() == null) {
      return null;
    }
    User author = original.getFrom();
    boolean ours =
        (bot.id() != 0 && bot.id() == author.getId()) || bot.isNamed(author.getUserName());
    return ours ? MessageIds.of(m.getChat().getId(), original.getMessageId()) : null;
  }

  private static boolean isGroup(Chat chat) {
    return chat != null && ("group".equals(chat.getType()) || "supergroup".equals(chat.getType()));
  }

  static Address person(long id) {
    return Address.person(Channel.TELEGRAM, Long.toString(id));
  }

  static Address group(long id) {
    return Address.group(Channel.TELEGRAM, Long.toString(id));
  }
}
