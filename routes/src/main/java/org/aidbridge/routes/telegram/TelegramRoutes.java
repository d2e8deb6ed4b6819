package org.aidbridge.routes.telegram;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.service.ServiceSupport;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The Telegram routes.
 *
 * <ul>
 *   <li>{@code telegram-connect}: once the routes run, asks Telegram who the bot is, registers the
 *       command menu and starts long polling (tried again every 30 s until it succeeds).
 *   <li>{@code telegram-updates}: each update, in order: translated at the edge, acted on (the core
 *       stores the message before it acts), then confirmed by moving the stored offset.
 * </ul>
 *
 * Polling stops when the Camel context stops.
 */
final class TelegramRoutes extends RouteBuilder {
  static final String UPDATES = "direct:telegram-update";
  static final String UPDATE_ROUTE = "telegram-updates";
  static final String CONNECT_ROUTE = "telegram-connect";
  static final String UPDATE_ID = "TelegramUpdateId";

  private final TelegramChannel channel;

  TelegramRoutes(TelegramChannel channel) {
    this.channel = channel;
  }

  @Override
  public void configure() throws Exception {
    // Failures go back to the poller, which retries the update; nothing of it is logged here,
    // since an update carries people's ids.
    errorHandler(noErrorHandler());

    from(UPDATES)
        .routeId(UPDATE_ROUTE)
        .process(e -> e.getIn().setHeader(UPDATE_ID, e.getIn().getBody(Update.class).getUpdateId()))
        .process(e -> e.getIn().setBody(channel.translate(e.getIn().getBody(Update.class))))
        .process(e -> channel.act(e.getIn().getBody(TelegramEvent.class)))
        .process(e -> channel.confirm(e.getIn().getHeader(UPDATE_ID, Integer.class)));

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
