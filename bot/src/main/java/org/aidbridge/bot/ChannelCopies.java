package org.aidbridge.bot;

import org.aidbridge.bot.model.Address;

/**
 * Copies of what people sent that a channel keeps outside the store, such as the mails in the bot's
 * IMAP folder. When a person is forgotten the bot asks every channel to erase theirs; the port
 * keeps the core free of any channel's classes.
 */
public interface ChannelCopies {

  /**
   * Erases, now or soon, every copy the channel keeps of what {@code sender} sent; an identity on
   * another channel is none of its business. Called while the bot handles a message, inside the
   * forgetting's transaction, so it must not block for long, and may throw only what the store
   * threw (which undoes the forgetting, to be tried again as a whole).
   */
  void eraseFrom(Address sender);
}
