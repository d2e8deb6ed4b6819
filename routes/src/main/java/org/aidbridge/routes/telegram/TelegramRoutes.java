package org.aidbridge.routes.telegram;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The Telegram routes.
 *
 * <p>{@code telegram-connect}: once the routes run, asks Telegram who the bot is, registers the
 * command menu and starts long polling (tried again every 30 s until it succeeds). Updates do not
 * travel through Camel: each is stored as it comes, then confirmed by moving the stored offset, and
 * translated and acted on from the store (see {@link UpdatePoller}).
 *
 * <p>Polling stops when the Camel context stops (the application stops it before that).
 */
final class TelegramRoutes extends RouteBuilder {
  static final String CONNECT_ROUTE = "telegram-connect";

  private final TelegramChannel channel;

  TelegramRoutes(TelegramChannel channel) {
    this.channel = channel;
  }

  @Override
  public void configure() throws Exception {
    from("timer:" + CONNECT_ROUTE + "?delay=10&period=30000")
        .routeId(CONNECT_ROUTE)
        .process(e -> channel.connectOrExplain(getContext()));

    getContext()
        .addService(
            new ServiceSupport() {
              @Override
              protected void doStop() {
                channel.disconnect();
              }
            },
            true,
            true);
  }
}
