package org.aidbridge.routes.app;

import java.time.Clock;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.outbox.OutboxDispatcher;
import org.aidbridge.bot.store.Store;
import org.aidbridge.routes.config.Settings;

/** What every channel adapter is built from. */
public record AppContext(
    Settings settings, Store store, BotService bot, OutboxDispatcher dispatcher, Clock clock) {}
