package org.aidbridge.routes.web;

import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.service.CoordinatorDesk;
import org.aidbridge.bot.service.DashboardAccess;
import org.aidbridge.bot.store.Store;

/**
 * What the dashboard reads and acts through.
 *
 * @param channels the ids of the running channels
 * @param running whether the routes run
 * @param channelStates each running channel's probes, from the same source as {@code /health}
 */
public record WebContext(
    Store store,
    DashboardAccess access,
    CoordinatorDesk desk,
    WebSettings web,
    BotSettings bot,
    List<String> channels,
    BooleanSupplier running,
    Supplier<List<ChannelState>> channelStates,
    Clock clock) {}
