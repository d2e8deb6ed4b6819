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

  HousekeepingRoutes(Housekeeping housekeeping, Clock clock) {
    this.housekeeping = housekeeping;
    this.clock = clock;
  }

  @Override
  public void configure() {
    from("timer:" + ROUTE_ID + "?period={{housekeeping.period.ms}}")
        .routeId(ROUTE_ID)
        .routeConfigurationId(ErrorHandling.ID)
        .process(exchange -> housekeeping.run(clock.instant()));
  }
}
