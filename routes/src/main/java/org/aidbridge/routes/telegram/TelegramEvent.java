package org.aidbridge.routes.telegram;

import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.InboundMessage;

/** What one Telegram update means to AidBridge, decided at the edge by {@link UpdateTranslator}. */
public sealed interface TelegramEvent {

  /** A message for the core; {@code callbackQueryId} is set when a button was pressed. */
  record Inbound(InboundMessage message, String callbackQueryId) implements TelegramEvent {}

  /**
   * The bot was added to a group: the group is reachable (again), and the core receives {@code
   * introduction} ({@code /start} from whoever added the bot) so that it introduces itself.
   */
  record AddedToGroup(Address group, InboundMessage introduction) implements TelegramEvent {}

  /** A group became a supergroup and got a new id: what it had moves along. */
  record GroupMoved(Address from, Address to) implements TelegramEvent {}

  /**
   * The bot can no longer write to a chat (removed from a group, blocked by a person), or can again
   * (a person unblocked it).
   */
  record Reachability(Address chat, boolean reachable) implements TelegramEvent {}

  /** Nothing for AidBridge (an edit, a channel post, a command for another bot). */
  record Ignored(String why) implements TelegramEvent {}
}
