package org.aidbridge.routes.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.aidbridge.routes.config.ConfigException;
import org.aidbridge.routes.config.Settings;
import org.junit.jupiter.api.Test;

class SignalSettingsTest {
  private static final String ENDPOINT = "tcp://127.0.0.1:7583";

  @Test
  void readsEverySettingWithTheDocumentedDefaults() {
    SignalSettings signal = SignalSettings.from(Settings.of(Map.of("signal.endpoint", ENDPOINT)));

    assertThat(signal.endpoint().text()).isEqualTo(ENDPOINT);
    assertThat(signal.account()).isNull();
    assertThat(signal.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(signal.receiveMode()).isEqualTo(SignalSettings.ReceiveMode.ON_CONNECTION);
    assertThat(signal.directPace()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void readsGivenValues() {
    SignalSettings signal =
        SignalSettings.from(
            settings(
                "signal.account", "+15550001111",
                "signal.request.timeout.seconds", "5",
                "signal.receive.mode", "manual",
                "signal.direct.pace.seconds", "0.5"));

    assertThat(signal.account()).isEqualTo("+15550001111");
    assertThat(signal.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(signal.receiveMode()).isEqualTo(SignalSettings.ReceiveMode.MANUAL);
    assertThat(signal.directPace()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void isOnlyConfiguredWithAnEndpoint() {
    assertThat(SignalSettings.configured(Settings.of(Map.of()))).isFalse();
    assertThat(SignalSettings.configured(settings())).isTrue();
  }

  @Test
  void eachBadValueFailsNamingItsKey() {
    assertFailsNaming("signal.endpoint", "localhost:7583");
    assertFailsNaming("signal.account", "bot");
    assertFailsNaming("signal.request.timeout.seconds", "0");
    assertFailsNaming("signal.receive.mode", "on-start");
    assertFailsNaming("signal.direct.pace.seconds", "-1");
    assertFailsNaming("signal.direct.pace.seconds", "soon");
  }

  private static void assertFailsNaming(String key, String value) {
    assertThatThrownBy(() -> SignalSettings.from(settings(key, value)))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo(key))
        .hasMessageContaining(Settings.envName(key));
  }

  private static Settings settings(String... keyValues) {
    Map<String, String> values = new HashMap<>();
    values.put("signal.endpoint", ENDPOINT);
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put(keyValues[i], keyValues[i + 1]);
    }
    return Settings.of(values);
  }
}
