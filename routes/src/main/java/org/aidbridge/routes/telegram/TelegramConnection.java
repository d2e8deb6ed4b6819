package org.aidbridge.routes.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Who the bot is ({@code getMe}) and the command menu it shows ({@code setMyCommands}). */
final class TelegramConnection {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramConnection.class);

  private final TelegramClient client;
  private final TelegramSettings settings;

  TelegramConnection(TelegramClient client, TelegramSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  /** Asks Telegram who the bot is; a configured username wins over the answer's. */
  BotIdentity identify() throws TelegramApiException {
    User me = client.execute(new GetMe());
    String username = settings.username() != null ? settings.username() : me.getUserName();
    LOG.info("Telegram: connected as @{}", username);
    return new BotIdentity(me.getId(), username);
  }

  /** Registers the command menu; a failure is logged, the bot works without a menu. */
  void registerCommands() {
    for (SetMyCommands request : BotCommands.requests()) {
      try {
        client.execute(request);
      } catch (TelegramApiException e) {
        LOG.warn("Telegram: could not register the command menu: {}", e.getMessage());
        return;
      }
    }
  }
}
