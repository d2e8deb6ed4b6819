package org.aidbridge.routes.telegram;

import java.util.List;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.port.ChannelMemory;
import org.aidbridge.routes.app.RawInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Does what a translated update asks: hands messages to the core (which stores them before acting
 * and queues its answers in the outbox), moves upgraded groups, and records who can no longer be
 * reached. Every action is safe to repeat, since an update may come twice after a crash.
 */
final class UpdateActions {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateActions.class);

  private final BotService bot;
  private final ChannelMemory store;
  private final TelegramClient client;

  UpdateActions(BotService bot, ChannelMemory store, TelegramClient client) {
    this.bot = bot;
    this.store = store;
    this.client = client;
  }

  /**
   * What the raw inbox does for an event: a plain message goes to the core in a batch with its
   * neighbours' (group commit); an ignored update is only dropped in its turn; anything else (a
   * button's spinner to stop too, a group moved) is done on its own, in order.
   */
  RawInbox.Work work(TelegramEvent event) {
    if (event instanceof TelegramEvent.Inbound in && in.callbackQueryId() == null) {
      return new RawInbox.ForCore(List.of(in.message()));
    }
    if (event instanceof TelegramEvent.Ignored ignored) {
      LOG.debug("Telegram update ignored: {}", ignored.why());
      return RawInbox.ForCore.nothing();
    }
    return new RawInbox.Act(() -> apply(event));
  }

  void apply(TelegramEvent event) {
    if (event instanceof TelegramEvent.Inbound in) {
      bot.handle(in.message());
      if (in.callbackQueryId() != null) {
        answerButton(in.callbackQueryId());
      }
    } else if (event instanceof TelegramEvent.AddedToGroup added) {
      store.setUnreachable(added.group(), false);
      bot.handle(added.introduction());
    } else if (event instanceof TelegramEvent.GroupMoved moved) {
      store.moveGroup(moved.from(), moved.to());
      LOG.info("{} became a supergroup: its subscription moves to {}", moved.from(), moved.to());
    } else if (event instanceof TelegramEvent.Reachability r) {
      store.inTransaction(
          () -> {
            store.setUnreachable(r.chat(), !r.reachable());
            if (!r.reachable() && r.chat().group()) {
              store.deleteSubscription(r.chat());
            }
          });
      LOG.info("{} is {}", r.chat(), r.reachable() ? "reachable again" : "no longer reachable");
    } else if (event instanceof TelegramEvent.Ignored ignored) {
      LOG.debug("Telegram update ignored: {}", ignored.why());
    }
  }

  /** Stops the button's spinner; the core's answer comes as a message through the outbox. */
  private void answerButton(String callbackQueryId) {
    try {
      client.execute(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build());
    } catch (TelegramApiException e) {
      // A query answered late (after a restart) is refused by Telegram; nothing is lost.
      LOG.debug("answerCallbackQuery failed: {}", e.getMessage());
    }
  }
}
