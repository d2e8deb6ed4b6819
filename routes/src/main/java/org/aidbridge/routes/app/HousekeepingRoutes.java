package org.aidbridge.routes.app;

import java.time.Clock;
import org.aidbridge.bot.service.Housekeeping;
import org.apache.camel.builder.RouteBuilder;

/**
 * What time brings, on a timer: listings expire, authors are asked to renew, unmet needs are
 * carried to farther groups, digests go out, old raw messages are deleted. Running it often does no
 * harm: each of those happens once.
 */
final class HousekeepingRoutes extends RouteBuilder {
  static final String ROUTE_ID = "housekeeping";

  private final Housekeeping housekeeping;
  private final Clock clock;

  private final boolean autoStart;

  HousekeepingRoutes(Housekeeping housekeeping, Clock clock) {
    this(housekeeping, clock, true);
  }

  /**
   * @param autoStart false on a standby of the core: the route starts when it gains the core
   */
  HousekeepingRoutes(Housekeeping housekeeping, Clock clock, boolean autoStart) {
    this.housekeeping = housekeeping;
    this.clock = clock;
    this.autoStart = autoStart;
  }

  @Override
  public void configure() {
    from("timer:" + ROUTE_ID + "?period={{housekeeping.period.ms}}")
        .routeId(ROUTE_ID)
        .autoStartup(autoStart)
        .routeConfigurationId(ErrorHandling.ID)
        .process(exchange -> housekeeping.run(clock.instant()));
  }
}
