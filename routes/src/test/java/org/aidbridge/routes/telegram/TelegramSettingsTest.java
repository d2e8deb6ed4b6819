package org.aidbridge.routes.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.aidbridge.routes.config.ConfigException;
import org.aidbridge.routes.config.Settings;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;

class TelegramSettingsTest {

  private static TelegramSettings from(Map<String, String> values) {
    return TelegramSettings.from(Settings.of(values));
  }

  @Test
  void defaultsPointAtTelegramWithAFiftySecondPoll() {
    TelegramSettings s = from(Map.of("telegram.token", "123:abc"));

    assertThat(s.telegramUrl()).isEqualTo(new TelegramUrl("https", "api.telegram.org", 443, false));
    assertThat(s.pollTimeout()).isEqualTo(Duration.ofSeconds(50));
    assertThat(s.username()).isNull();
  }

  @Test
  void aSelfHostedServerIsReachedAtItsHostAndPort() {
    TelegramSettings s =
        from(
            Map.of(
                "telegram.token", "123:abc",
                "telegram.api.url", "http://127.0.0.1:8081/",
                "telegram.username", "@NorthsideAidBot"));

    assertThat(s.telegramUrl()).isEqualTo(new TelegramUrl("http", "127.0.0.1", 8081, false));
    assertThat(s.username()).isEqualTo("NorthsideAidBot");
  }

  @Test
  void missingTokenOrBadUrlFailsNamingTheKeyAndNotTheToken() {
    assertThatThrownBy(() -> from(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("AIDBRIDGE_TELEGRAM_TOKEN");
    assertThatThrownBy(
            () -> from(Map.of("telegram.token", "123:abc", "telegram.api.url", "ftp://x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("telegram.api.url")
        .hasMessageNotContaining("123:abc");
    assertThatThrownBy(
            () ->
                from(Map.of("telegram.token", "123:abc", "telegram.api.url", "https://x.org/api")))
        .hasMessageContaining("path");
    assertThatThrownBy(
            () -> from(Map.of("telegram.token", "123:abc", "telegram.poll.timeout.seconds", "0")))
        .hasMessageContaining("telegram.poll.timeout.seconds");
  }

  @Test
  void theTokenNeverAppearsInTheSettingsText() {
    assertThat(from(Map.of("telegram.token", "123:secret")).toString()).doesNotContain("secret");
  }
}
