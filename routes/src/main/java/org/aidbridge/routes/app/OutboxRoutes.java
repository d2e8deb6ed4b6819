package org.aidbridge.routes.app;

import java.util.List;
import org.aidbridge.bot.outbox.OutboxDispatcher;
import org.apache.camel.builder.RouteBuilder;

/**
 * For each channel a timer that drains its outbox through its sender. Sending is separate from
 * receiving, so a reply is sent (and retried) even when it was queued before a restart.
 */
final class OutboxRoutes extends RouteBuilder {
  /** Entries sent per channel and tick at most, so one busy channel does not hold a tick long. */
  static final int BATCH = 50;

  private final List<ChannelAdapter> adapters;
  private final OutboxDispatcher dispatcher;

  OutboxRoutes(List<ChannelAdapter> adapters, OutboxDispatcher dispatcher) {
    this.adapters = List.copyOf(adapters);
    this.dispatcher = dispatcher;
  }

  static String routeId(ChannelAdapter adapter) {
    return "outbox-" + adapter.channel().id();
  }

  @Override
  public void configure() {
    for (ChannelAdapter adapter : adapters) {
      from("timer:" + routeId(adapter) + "?period={{outbox.poll.ms}}")
          .routeId(routeId(adapter))
          .routeConfigurationId(ErrorHandling.ID)
          .process(exchange -> dispatcher.drain(adapter.sender(), BATCH));
    }
  }
}
