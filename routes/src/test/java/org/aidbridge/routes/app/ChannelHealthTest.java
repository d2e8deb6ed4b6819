package org.aidbridge.routes.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.aidbridge.bot.model.Channel;
import org.junit.jupiter.api.Test;

class ChannelHealthTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final ChannelHealth health = new ChannelHealth(clock);

  @Test
  void aProbeThatMustFirstSucceedIsDownFromTheStartAndCountsOnlyPastTheThreshold() {
    ChannelProbe connected = health.probe(Channel.SIGNAL, "connected", false);

    assertThat(connected.isUp()).isFalse();
    assertThat(health.downLongerThan(Duration.ofSeconds(60))).isEmpty();
    clock.advance(Duration.ofSeconds(61));
    assertThat(health.downLongerThan(Duration.ofSeconds(60))).containsExactly(Channel.SIGNAL);

    connected.up();

    assertThat(health.downLongerThan(Duration.ofSeconds(60))).isEmpty();
    assertThat(connected.view())
        .containsEntry("up", true)
        .containsEntry("last_success", clock.instant().toString());
  }

  @Test
  void aSendProbeIsUpUntilItFailsAndKeepsWhenItFirstWentDown() {
    ChannelProbe smtp = health.probe(Channel.EMAIL, "smtp", true);
    assertThat(smtp.isUp()).isTrue();
    Instant first = clock.instant();

    smtp.down("AuthenticationFailedException");
    clock.advance(Duration.ofSeconds(30));
    smtp.down("MessagingException");

    Map<String, Object> view = smtp.view();
    assertThat(view)
        .containsEntry("up", false)
        .containsEntry("down_since", first.toString())
        .containsEntry("reason", "MessagingException");
  }

  @Test
  void aChannelIsDownWhenAnyOfItsProbesIsAndTheViewNamesEachProbe() {
    health.probe(Channel.EMAIL, "imap", false).up();
    health.probe(Channel.EMAIL, "smtp", true).down("SendFailedException");
    health.probe(Channel.TELEGRAM, "polling", false).up();

    Map<String, Object> view = health.view(List.of(Channel.EMAIL, Channel.TELEGRAM));

    assertThat(view).containsOnlyKeys("email", "telegram");
    assertThat(asMap(view.get("email")))
        .containsEntry("status", "DOWN")
        .containsKeys("imap", "smtp");
    assertThat(asMap(view.get("telegram"))).containsEntry("status", "UP");
  }

  @Test
  void aPollThatFallsSilentIsDownFromWhenItShouldHaveSucceeded() {
    ChannelProbe polling = health.repeating(Channel.TELEGRAM, "polling", Duration.ofSeconds(130));
    polling.up();
    Instant lastPoll = clock.instant();

    clock.advance(Duration.ofSeconds(130));
    assertThat(polling.isUp()).isTrue();
    clock.advance(Duration.ofSeconds(61));

    assertThat(polling.isUp()).as("a poller that died says nothing").isFalse();
    assertThat(polling.view())
        .containsEntry("down_since", lastPoll.plusSeconds(130).toString())
        .containsEntry("reason", "no success for 130 s");
    assertThat(health.downLongerThan(Duration.ofSeconds(60))).containsExactly(Channel.TELEGRAM);

    polling.up();
    assertThat(polling.isUp()).isTrue();
  }

  @Test
  void theSameProbeIsReturnedForTheSameName() {
    assertThat(health.probe(Channel.SIGNAL, "connected", false))
        .isSameAs(health.probe(Channel.SIGNAL, "connected", false));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object view) {
    return (Map<String, Object>) view;
  }

  /** A clock the test moves. */
  static final class MutableClock extends java.time.Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
