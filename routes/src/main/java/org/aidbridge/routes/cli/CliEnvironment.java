package org.aidbridge.routes.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What the command line reads from the process: the environment, the working directory, stdin and
 * the clock. Tests give their own; {@code main} gives the real ones.
 */
public record CliEnvironment(
    Map<String, String> env, Path workingDir, InputStream in, Clock clock) {

  public CliEnvironment {
    env = Map.copyOf(env);
  }

  public static CliEnvironment system() {
    return new CliEnvironment(
        System.getenv(), Path.of("").toAbsolutePath(), System.in, Clock.systemUTC());
  }
}
