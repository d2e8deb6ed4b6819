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

  InboxRoutes(BotService bot) {
    this.bot = bot;
  }

  @Override
  public void configure() {
    from("timer:" + ROUTE_ID + "?delay=" + PERIOD_MS + "&period=" + PERIOD_MS)
        .routeId(ROUTE_ID)
        .routeConfigurationId(ErrorHandling.ID)
        .process(exchange -> bot.resumePending());
  }
}
