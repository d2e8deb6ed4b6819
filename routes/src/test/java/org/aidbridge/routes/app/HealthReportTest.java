package org.aidbridge.routes.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.store.OutboxBacklog;
import org.aidbridge.routes.web.ChannelState;
import org.junit.jupiter.api.Test;

class HealthReportTest {
  private final ChannelHealthTest.MutableClock clock =
      new ChannelHealthTest.MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final ChannelHealth health = new ChannelHealth(clock);

  @Test
  void theDashboardSeesEachRunningChannelsProbesAsTheHealthEndpointDoes() {
    health.probe(Channel.EMAIL, "imap", false).up();
    health.probe(Channel.EMAIL, "smtp", true).down("SendFailedException");
    health.probe(Channel.TELEGRAM, "polling", false).up();
    health.probe(Channel.SIGNAL, "connected", false);
    HealthReport report =
        new HealthReport(
            List.of(Channel.EMAIL, Channel.TELEGRAM),
            health,
            () -> new OutboxBacklog(0, null, 0),
            () -> true,
            Duration.ofSeconds(60),
            clock);

    assertThat(report.channelStates())
        .containsExactly(
            new ChannelState(
                "email",
                false,
                List.of(
                    new ChannelState.Probe("imap", true, null),
                    new ChannelState.Probe("smtp", false, "SendFailedException"))),
            new ChannelState(
                "telegram", true, List.of(new ChannelState.Probe("polling", true, null))));
  }
}
