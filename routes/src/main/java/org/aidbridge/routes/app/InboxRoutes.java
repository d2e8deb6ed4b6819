package org.aidbridge.routes.app;

import org.aidbridge.bot.BotService;
import org.apache.camel.builder.RouteBuilder;

/**
 * Every few seconds, the stored messages whose handling failed and whose time to try again has come
 * (see {@link BotService#resumePending}): a message met by a busy database is answered once the
 * database is back, without waiting for a restart.
 */
final class InboxRoutes extends RouteBuilder {
  static final String ROUTE_ID = "inbox-retry";
  static final long PERIOD_MS = 2_000;

  private final BotService bot;
  private final boolean autoStart;

  InboxRoutes(BotService bot) {
    this(bot, true);
  }

  /**
   * @param autoStart false on a standby of the core: the route starts when it gains the core
   */
  InboxRoutes(BotService bot, boolean autoStart) {
    this.bot = bot;
    this.autoStart = autoStart;
  }

  @Override
  public void configure() {
    from("timer:" + ROUTE_ID + "?delay=" + PERIOD_MS + "&period=" + PERIOD_MS)
        .routeId(ROUTE_ID)
        .autoStartup(autoStart)
        .routeConfigurationId(ErrorHandling.ID)
        .process(exchange -> bot.resumePending());
  }
}
