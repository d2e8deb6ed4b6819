package org.aidbridge.routes.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.port.Leadership;
import org.aidbridge.bot.port.Role;
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

  @Test
  void aStandbyAnswers200NamesItsRolesAndReportsOnlyTheSendingOfTheChannelsItDoesNotTakeIn() {
    health.probe(Channel.TELEGRAM, "polling", false); // never polled here: another instance does
    health.probe(Channel.TELEGRAM, "sending", true);
    health.probe(Channel.EMAIL, "imap", false).up();
    clock.advance(Duration.ofMinutes(10));
    Leadership emailOnly = Leadership.alone();
    emailOnly.start(EnumSet.of(Role.EMAIL), new RecordingRoles());
    HealthReport report =
        new HealthReport(
            List.of(Channel.EMAIL, Channel.TELEGRAM),
            health,
            () -> new OutboxBacklog(0, null, 0),
            () -> true,
            Duration.ofSeconds(60),
            clock,
            emailOnly,
            EnumSet.of(Role.CORE, Role.EMAIL, Role.TELEGRAM),
            role -> role == Role.EMAIL,
            List::of);

    HealthReport.Answer answer = report.answer();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("down")).isEqualTo(List.of());
    assertThat(answer.body().get("leadership"))
        .isEqualTo(
            Map.of(
                "mechanism",
                "single",
                "roles",
                Map.of("core", "standby", "email", "leader", "telegram", "standby")));
    Map<?, ?> telegram = (Map<?, ?>) ((Map<?, ?>) answer.body().get("channels")).get("telegram");
    assertThat(telegram.get("status")).isEqualTo("STANDBY");
    assertThat(telegram.keySet().stream().map(String::valueOf).toList())
        .containsExactly("status", "sending");

    health.probe(Channel.TELEGRAM, "sending", true).down("429");
    clock.advance(Duration.ofMinutes(2));
    assertThat(report.answer().status()).isEqualTo(503); // its sending is its own business
  }

  @Test
  void whileTheStartStillReadsTheAnswerIsStartingAndNamesWhat() {
    health.probe(Channel.EMAIL, "imap", false).up();
    List<String> reading = new java.util.ArrayList<>(List.of("match_index", "gazetteer"));
    HealthReport report =
        new HealthReport(
            List.of(Channel.EMAIL),
            health,
            () -> new OutboxBacklog(0, null, 0),
            () -> true,
            Duration.ofSeconds(60),
            clock,
            null,
            EnumSet.of(Role.CORE, Role.EMAIL),
            role -> true,
            () -> List.copyOf(reading));

    HealthReport.Answer starting = report.answer();
    reading.remove("match_index");
    HealthReport.Answer placesLeft = report.answer();
    reading.clear();
    HealthReport.Answer up = report.answer();

    assertThat(starting.status()).isEqualTo(503);
    assertThat(starting.body())
        .containsEntry("status", "STARTING")
        .containsEntry("match_index", "reading")
        .containsEntry("gazetteer", "reading");
    assertThat(placesLeft.status()).isEqualTo(503);
    assertThat(placesLeft.body())
        .containsEntry("gazetteer", "reading")
        .doesNotContainKey("match_index");
    assertThat(up.status()).isEqualTo(200);
    assertThat(up.body())
        .containsEntry("status", "UP")
        .doesNotContainKeys("match_index", "gazetteer");
  }

  /** Listens to nothing in particular. */
  private static final class RecordingRoles implements Leadership.Listener {
    @Override
    public void gained(Role role) {}

    @Override
    public void lost(Role role) {}
  }
}
