package org.aidbridge.routes.telegram;

import java.util.Locale;

/**
 * Who the bot is on Telegram, from {@code getMe}: to recognise commands, mentions and replies
 * addressed to it.
 *
 * @param id the bot's user id (0 when unknown)
 * @param username the bot's username without @
 */
public record BotIdentity(long id, String username) {

  public boolean isNamed(String name) {
    return name != null && name.toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT));
  }
}
