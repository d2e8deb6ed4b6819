package org.aidbridge.routes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  @TempDir Path dir;

  @Test
  void runWithNoChannelConfiguredSaysHowToConfigureOneAndFails() {
    Cli.Result result = new Cli(dir).run("run");

    assertThat(result.exitCode()).isEqualTo(RunCommand.NOTHING_TO_RUN);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.err())
        .contains("No channel is configured")
        .contains("AIDBRIDGE_IMAP_URL")
        .contains("AIDBRIDGE_TELEGRAM_TOKEN")
        .contains("AIDBRIDGE_SIGNAL_ENDPOINT")
        .contains("./aidbridge demo");
  }

  @Test
  void noSubcommandMeansRun() {
    Cli.Result result = new Cli(dir).run();

    assertThat(result.exitCode()).isEqualTo(RunCommand.NOTHING_TO_RUN);
    assertThat(result.err()).contains("No channel is configured");
  }

  @Test
  void halfConfiguredChannelFailsNamingWhatIsMissing() {
    Cli.Result result = new Cli(dir).env("AIDBRIDGE_IMAP_URL", "imap://127.0.0.1:1").run("run");

    assertThat(result.exitCode()).isEqualTo(AidBridgeCli.CONFIG_ERROR);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .contains("AIDBRIDGE_SMTP_URL")
        .doesNotContain("Exception");
  }

  @Test
  void invalidSettingFailsWithOneLineNamingTheKey() {
    Cli.Result result = new Cli(dir).env("AIDBRIDGE_MATCH_NOTIFY_MAX", "lots").run("export");

    assertThat(result.exitCode()).isEqualTo(AidBridgeCli.CONFIG_ERROR);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .contains("match.notify.max")
        .contains("AIDBRIDGE_MATCH_NOTIFY_MAX")
        .doesNotContain("Exception");
  }

  @Test
  void secretInTheConfigFileIsRefusedWithoutAStackTrace() throws IOException {
    Path config = dir.resolve("my.properties");
    Files.writeString(config, "email.password=hunter2\n");

    Cli.Result result = new Cli(dir).run("--config", config.toString(), "export");

    assertThat(result.exitCode()).isEqualTo(AidBridgeCli.CONFIG_ERROR);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .contains("AIDBRIDGE_EMAIL_PASSWORD")
        .doesNotContain("hunter2");
  }

  @Test
  void configOptionIsAcceptedAfterTheSubcommandToo() throws IOException {
    Path config = dir.resolve("my.properties");
    Files.writeString(config, "listing.expiry.days=0\n");

    Cli.Result result = new Cli(dir).run("export", "--config", config.toString());

    assertThat(result.exitCode()).isEqualTo(AidBridgeCli.CONFIG_ERROR);
    assertThat(result.err()).contains("listing.expiry.days");
  }

  @Test
  void missingConfigFileIsNamed() {
    Cli.Result result = new Cli(dir).run("--config", "nowhere.properties", "export");

    assertThat(result.exitCode()).isEqualTo(AidBridgeCli.CONFIG_ERROR);
    assertThat(result.err()).contains("nowhere.properties").contains("no such file");
  }
}
