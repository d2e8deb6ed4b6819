package org.aidbridge.routes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionCommandTest {
  @TempDir Path dir;

  @Test
  void versionPrintsTheBuiltVersion() {
    Cli.Result result = new Cli(dir).run("version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("AidBridge 0.").contains("(Java ");
    assertThat(result.out()).doesNotContain("${project.version}");
  }

  @Test
  void versionOptionSaysTheSame() {
    Cli cli = new Cli(dir);

    assertThat(cli.run("--version").out()).isEqualTo(cli.run("version").out());
  }

  @Test
  void everySubcommandHasHelp() {
    Cli cli = new Cli(dir);
    for (String command :
        new String[] {"run", "demo", "parse", "import", "export", "matches", "version"}) {
      Cli.Result result = cli.run(command, "--help");

      assertThat(result.exitCode()).as(command).isZero();
      assertThat(result.out()).as(command).contains("Usage: aidbridge " + command);
    }
  }
}
