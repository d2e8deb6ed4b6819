package org.aidbridge.routes.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.aidbridge.routes.config.ConfigException;
import org.aidbridge.routes.config.Settings;
import org.junit.jupiter.api.Test;

class EmailSettingsTest {
  private static final Map<String, String> COMPLETE =
      Map.of(
          "imap.url", "imaps://imap.example.org",
          "smtp.url", "smtp://smtp.example.org:2525",
          "email.address", "Aid <Aid@Example.org>",
          "email.password", "app-password",
          "imap.poll.ms", "5000",
          "imap.folder", "AidBridge");

  @Test
  void emailIsOffWhenNothingIsSetAndSaysHowToTurnItOn() {
    assertThat(EmailSettings.configured(Settings.of(Map.of()))).isFalse();
    assertThat(EmailSettings.howToEnable())
        .contains("AIDBRIDGE_IMAP_URL", "AIDBRIDGE_SMTP_URL", "AIDBRIDGE_EMAIL_ADDRESS")
        .contains("AIDBRIDGE_EMAIL_PASSWORD");
  }

  @Test
  void completeSettingsAreRead() {
    EmailSettings settings = EmailSettings.from(Settings.of(COMPLETE));

    assertThat(settings.imap())
        .isEqualTo(new EmailSettings.MailServer("imaps", "imap.example.org", 993));
    assertThat(settings.smtp())
        .isEqualTo(new EmailSettings.MailServer("smtp", "smtp.example.org", 2525));
    assertThat(settings.address()).isEqualTo("aid@example.org");
    assertThat(settings.username()).isEqualTo("aid@example.org");
    assertThat(settings.domain()).isEqualTo("example.org");
    assertThat(settings.pollMillis()).isEqualTo(5000);
    assertThat(settings.folder()).isEqualTo("AidBridge");
    assertThat(settings.toString()).doesNotContain("app-password");
  }

  @Test
  void aPartlyConfiguredChannelNamesTheMissingKey() {
    Settings partial = Settings.of(Map.of("imap.url", "imap://localhost:3143"));

    assertThat(EmailSettings.configured(partial)).isTrue();
    assertThatThrownBy(() -> EmailSettings.from(partial))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("smtp.url");
  }

  @Test
  void wrongValuesNameTheirKey() {
    assertInvalid("imap.url", "http://example.org");
    assertInvalid("imap.url", "imap://user:pw@example.org");
    assertInvalid("smtp.url", "imap://example.org");
    assertInvalid("email.address", "not an address");
    assertInvalid("imap.poll.ms", "10");
    assertInvalid("email.password", "");
  }

  private static void assertInvalid(String key, String value) {
    Map<String, String> values = new HashMap<>(COMPLETE);
    values.put(key, value);
    assertThatThrownBy(() -> EmailSettings.from(Settings.of(values)))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key))
        .message()
        .doesNotContain("app-password");
  }
}
