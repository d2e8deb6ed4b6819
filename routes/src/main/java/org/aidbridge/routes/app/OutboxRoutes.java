package org.aidbridge.routes.app;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.aidbridge.bot.outbox.OutboxDispatcher;
import org.apache.camel.builder.RouteBuilder;

/**
 * For each channel a timer that drains its outbox through its sender. Sending is separate from
 * receiving, so a reply is sent (and retried) even when it was queued before a restart.
 *
 * <p>Each tick drains for up to {@link #DRAIN_BUDGET}, in rounds of {@link #BATCH}, waiting inside
 * the tick for the first chat to be free again when that is soon: a backlog leaves at the pace the
 * channel allows, not one batch per tick. The budget bounds how long a stop waits for a tick.
 */
final class OutboxRoutes extends RouteBuilder {
  /** Entries looked at per round at most. */
  static final int BATCH = 50;

  /** How long one tick may keep sending. */
  static final Duration DRAIN_BUDGET = Duration.ofSeconds(5);

  private final List<ChannelAdapter> adapters;
  private final OutboxDispatcher dispatcher;
  private final Set<String> standingBy;

  OutboxRoutes(List<ChannelAdapter> adapters, OutboxDispatcher dispatcher) {
    this(adapters, dispatcher, Set.of());
  }

  /**
   * @param standingBy the ids of routes that start stopped: the outbox of a channel that sends only
   *     where it receives ({@link ChannelAdapter#sendsOnlyWhileReceiving}), on a standby of it
   */
  OutboxRoutes(List<ChannelAdapter> adapters, OutboxDispatcher dispatcher, Set<String> standingBy) {
    this.adapters = List.copyOf(adapters);
    this.dispatcher = dispatcher;
    this.standingBy = Set.copyOf(standingBy);
  }

  static String routeId(ChannelAdapter adapter) {
    return "outbox-" + adapter.channel().id();
  }

  @Override
  public void configure() {
    for (ChannelAdapter adapter : adapters) {
      from("timer:" + routeId(adapter) + "?period={{outbox.poll.ms}}")
          .routeId(routeId(adapter))
          .autoStartup(!standingBy.contains(routeId(adapter)))
          .routeConfigurationId(ErrorHandling.ID)
          .process(exchange -> dispatcher.drainFor(adapter.sender(), BATCH, DRAIN_BUDGET));
    }
  }
}
