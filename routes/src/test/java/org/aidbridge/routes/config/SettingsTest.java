package org.aidbridge.routes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path dir;

  private Path file(String content) throws IOException {
    Path file = dir.resolve("application.properties");
    Files.writeString(file, content);
    return file;
  }

  @Test
  void environmentOverridesTheFile() throws IOException {
    Path file = file("imap.url=imap://file.example:143\n");

    Settings settings =
        Settings.load(file, Map.of("AIDBRIDGE_IMAP_URL", "imaps://env.example:993"));

    assertThat(settings.get("imap.url")).contains("imaps://env.example:993");
  }

  @Test
  void fileValueIsUsedWhenTheEnvironmentIsSilent() throws IOException {
    Settings settings = Settings.load(file("imap.url=imap://file.example:143\n"), Map.of());

    assertThat(settings.get("imap.url")).contains("imap://file.example:143");
  }

  @Test
  void missingFileFallsBackToThePackedDefaults() {
    Settings settings = Settings.load(dir.resolve("absent.properties"), Map.of());

    assertThat(settings.get("db")).contains("data/aidbridge.db");
    assertThat(settings.integer("outbox.poll.ms", -1)).isEqualTo(500);
  }

  @Test
  void keysLeftOutOfTheFileKeepTheirDefaultsAndTheirEnvironmentVariables() throws IOException {
    Path file = file("imap.url=imap://file.example:143\n");

    Settings settings = Settings.load(file, Map.of("AIDBRIDGE_DB", "/tmp/other.db"));

    assertThat(settings.get("db")).contains("/tmp/other.db");
    assertThat(settings.get("outbox.poll.ms")).contains("500");
  }

  @Test
  void secretInTheFileIsRefusedNamingTheEnvironmentVariable() throws IOException {
    Path file = file("telegram.token=123:abc\n");

    assertThatThrownBy(() -> Settings.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("telegram.token")
        .hasMessageContaining("AIDBRIDGE_TELEGRAM_TOKEN")
        .hasMessageNotContaining("123:abc");
  }

  @Test
  void secretFromTheEnvironmentIsAccepted() throws IOException {
    Settings settings =
        Settings.load(file("db=x.db\n"), Map.of("AIDBRIDGE_EMAIL_PASSWORD", "hunter2"));

    assertThat(settings.get("email.password")).contains("hunter2");
  }

  @Test
  void badNumberNamesTheKeyAndTheValue() {
    Settings settings = Settings.of(Map.of("outbox.poll.ms", "fast"));

    assertThatThrownBy(() -> settings.integer("outbox.poll.ms", 500))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("outbox.poll.ms")
        .hasMessageContaining("AIDBRIDGE_OUTBOX_POLL_MS")
        .hasMessageContaining("'fast'");
  }

  @Test
  void toStringRedactsSecretsButShowsOtherValues() throws IOException {
    Settings settings =
        Settings.load(
            file("imap.url=imap://mail.example:143\n"),
            Map.of("AIDBRIDGE_EMAIL_PASSWORD", "hunter2", "AIDBRIDGE_TELEGRAM_TOKEN", "1:xyz"));

    assertThat(settings.toString())
        .doesNotContain("hunter2")
        .doesNotContain("1:xyz")
        .contains("email.password=***")
        .contains("imap.url=imap://mail.example:143");
  }

  @Test
  void envNameTurnsDotsAndDashesIntoUnderscores() {
    assertThat(Settings.envName("category.bail-legal.expiry.days"))
        .isEqualTo("AIDBRIDGE_CATEGORY_BAIL_LEGAL_EXPIRY_DAYS");
  }
}
