package org.aidbridge.routes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.aidbridge.routes.config.ConfigException;
import org.aidbridge.routes.config.Settings;
import org.junit.jupiter.api.Test;

class AppSettingsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    AppSettings app = AppSettings.from(Settings.of(Map.of()));

    assertThat(app)
        .isEqualTo(
            new AppSettings(
                8080,
                "127.0.0.1",
                Duration.ofMillis(500),
                Duration.ofMinutes(1),
                Duration.ofSeconds(120),
                Duration.ofMinutes(10)));
    assertThat(app.httpOn()).isTrue();
  }

  @Test
  void minusOneTurnsTheEndpointsOff() {
    assertThat(AppSettings.from(Settings.of(Map.of("http.port", "-1"))).httpOn()).isFalse();
  }

  @Test
  void eachBadValueFailsNamingItsKey() {
    assertFailsNaming("http.port", "70000");
    assertFailsNaming("http.port", "eighty");
    assertFailsNaming("outbox.poll.ms", "0");
    assertFailsNaming("housekeeping.period.ms", "-5");
    assertFailsNaming("health.down.after.seconds", "-1");
    assertFailsNaming("match.index.snapshot.period.ms", "999");
  }

  private static void assertFailsNaming(String key, String value) {
    assertThatThrownBy(() -> AppSettings.from(Settings.of(Map.of(key, value))))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo(key))
        .hasMessageContaining(Settings.envName(key));
  }
}
