package org.aidbridge.routes.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs the command line in this JVM with a given environment, stdin and working directory. */
final class Cli {
  static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  private final Path workingDir;
  private final Map<String, String> env = new HashMap<>();

  Cli(Path workingDir) {
    this.workingDir = workingDir;
    env.put("AIDBRIDGE_DB", workingDir.resolve("test.db").toString());
  }

  Cli env(String name, String value) {
    env.put(name, value);
    return this;
  }

  Result run(String... args) {
    return runWithInput("", args);
  }

  Result runWithInput(String stdin, String... args) {
    CliEnvironment environment =
        new CliEnvironment(
            env,
            workingDir,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            Clock.fixed(NOW, ZoneOffset.UTC));
    CommandLine cli = AidBridgeCli.commandLine(environment);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  record Result(int exitCode, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }

    List<String> errLines() {
      return err.lines().toList();
    }
  }
}
