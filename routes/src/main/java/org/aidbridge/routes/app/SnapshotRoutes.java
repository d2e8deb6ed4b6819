package org.aidbridge.routes.app;

import java.time.Duration;
import org.aidbridge.bot.match.SnapshotKeeper;
import org.apache.camel.builder.RouteBuilder;

/**
 * On a timer, the match index's snapshot written again when the listings changed ({@link
 * SnapshotKeeper}): a start after a kill then reads it and the listings changed since, not every
 * listing. Only the core writes it.
 */
final class SnapshotRoutes extends RouteBuilder {
  static final String ROUTE_ID = "match-index-snapshot";

  private final SnapshotKeeper keeper;
  private final Duration period;
  private final boolean autoStart;

  /**
   * @param period how often (the first time one period after the start)
   * @param autoStart false on a standby of the core: the route starts when it gains the core
   */
  SnapshotRoutes(SnapshotKeeper keeper, Duration period, boolean autoStart) {
    this.keeper = keeper;
    this.period = period;
    this.autoStart = autoStart;
  }

  @Override
  public void configure() {
    long ms = period.toMillis();
    from("timer:" + ROUTE_ID + "?period=" + ms + "&delay=" + ms)
        .routeId(ROUTE_ID)
        .autoStartup(autoStart)
        .routeConfigurationId(ErrorHandling.ID)
        .process(exchange -> keeper.writeIfChanged());
  }
}
