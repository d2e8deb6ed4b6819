package org.aidbridge.routes.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the configuration file: {@code --config PATH}, else {@code AIDBRIDGE_CONFIG}, else {@code
 * ./config/application.properties} when present, else none (the defaults packed in the jar).
 */
public final class ConfigFiles {
  public static final String ENV_CONFIG = "AIDBRIDGE_CONFIG";
  static final Path LOCAL = Path.of("config", "application.properties");

  private ConfigFiles() {}

  /**
   * @return the file to read, or null for the packed defaults
   * @throws ConfigException when a file was asked for by name and does not exist
   */
  public static Path locate(Path option, Map<String, String> environment, Path workingDir) {
    if (option != null) {
      return existing(workingDir.resolve(option), "--config");
    }
    String fromEnv = environment.get(ENV_CONFIG);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return existing(workingDir.resolve(fromEnv.trim()), ENV_CONFIG);
    }
    Path local = workingDir.resolve(LOCAL);
    return Files.isRegularFile(local) ? local : null;
  }

  /** Loads the settings from wherever {@link #locate} points. */
  public static Settings load(Path option, Map<String, String> environment, Path workingDir) {
    return Settings.load(locate(option, environment, workingDir), environment);
  }

  private static Path existing(Path file, String source) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("config", "names " + file + " (from " + source + "): no such file");
    }
    return file;
  }
}
