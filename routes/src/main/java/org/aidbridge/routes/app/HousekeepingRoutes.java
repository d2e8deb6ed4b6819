package org.aidbridge.routes.app;

import java.time.Clock;
import java.time.Duration;
import org.aidbridge.bot.match.MatchIndex;
import org.aidbridge.bot.service.Housekeeping;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What time brings, on a timer: listings expire, authors are asked to renew, unmet needs are
 * carried to farther groups, digests go out, old raw messages are deleted. Running it often does no
 * harm: each of those happens once.
 *
 * <p>A run waits for the match index to be complete (read from the store while the application
 * starts): its escalations match, and the first run after a large import, which expires tens of
 * thousands of listings, would otherwise compete with the index's reading for the database and the
 * processors, and hold its transients in memory at the same time. A timer tick that finds the index
 * still incomplete after a whole period waits for the next.
 */
final class HousekeepingRoutes extends RouteBuilder {
  static final String ROUTE_ID = "housekeeping";
  private static final Logger LOG = LoggerFactory.getLogger(HousekeepingRoutes.class);

  private final Housekeeping housekeeping;
  private final Clock clock;
  private final MatchIndex index;
  private final Duration period;
  private final boolean autoStart;

  /**
   * @param period the longest a run waits for the index (the timer's period)
   * @param autoStart false on a standby of the core: the route starts when it gains the core
   */
  HousekeepingRoutes(
      Housekeeping housekeeping,
      Clock clock,
      MatchIndex index,
      Duration period,
      boolean autoStart) {
    this.housekeeping = housekeeping;
    this.clock = clock;
    this.index = index;
    this.period = period;
    this.autoStart = autoStart;
  }

  @Override
  public void configure() {
    from("timer:" + ROUTE_ID + "?period={{housekeeping.period.ms}}")
        .routeId(ROUTE_ID)
        .autoStartup(autoStart)
        .routeConfigurationId(ErrorHandling.ID)
        .process(exchange -> runOnceIndexed());
  }

  private void runOnceIndexed() throws InterruptedException {
    if (!index.awaitComplete(period)) {
      LOG.debug("housekeeping: the match index is still being read; the next run will do it");
      return;
    }
    housekeeping.runAndCount(clock.instant());
  }
}
