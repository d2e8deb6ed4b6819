package org.aidbridge.routes.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The runtime configuration: {@code config/application.properties}, each key overridable by an
 * environment variable {@code AIDBRIDGE_<KEY>} ({@code imap.url} is {@code AIDBRIDGE_IMAP_URL}).
 *
 * <p>Secrets are read from the environment only. A bad value fails at startup with a {@link
 * ConfigException} that names the key.
 */
public final class Settings {
  /** Keys whose values are secrets: allowed only in the environment, never logged. */
  public static final Set<String> SECRET_KEYS =
      Set.of("telegram.token", "email.password", "coordinator.secret", "db.user", "db.password");

  private final Map<String, String> values;

  private Settings(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /**
   * Loads the properties file over the defaults packed in the jar (only the defaults when {@code
   * file} is null or missing) and applies the environment over both.
   */
  public static Settings load(Path file, Map<String, String> environment) {
    Properties props = file != null && Files.isRegularFile(file) ? read(file) : packedDefaults();
    for (String key : props.stringPropertyNames()) {
      if (SECRET_KEYS.contains(key) && !props.getProperty(key).isBlank()) {
        throw new ConfigException(key, "is a secret: set it in the environment as " + envName(key));
      }
    }
    // A key the file leaves out keeps its documented default, and can still be set by env var.
    Map<String, String> merged = new TreeMap<>();
    Properties defaults = packedDefaults();
    defaults.stringPropertyNames().forEach(k -> merged.put(k, defaults.getProperty(k).trim()));
    props.stringPropertyNames().forEach(k -> merged.put(k, props.getProperty(k).trim()));
    for (String key : SECRET_KEYS) {
      merged.putIfAbsent(key, "");
    }
    for (String key : Set.copyOf(merged.keySet())) {
      String fromEnv = environment.get(envName(key));
      if (fromEnv != null) {
        merged.put(key, fromEnv.trim());
      }
    }
    return new Settings(merged);
  }

  /** Settings from a plain map, for tests: no file, no environment. */
  public static Settings of(Map<String, String> values) {
    Map<String, String> merged = new TreeMap<>();
    Properties defaults = packedDefaults();
    defaults.stringPropertyNames().forEach(k -> merged.put(k, defaults.getProperty(k).trim()));
    merged.putAll(values);
    return new Settings(merged);
  }

  /** A copy with some values replaced. */
  public Settings with(Map<String, String> overrides) {
    Map<String, String> merged = new TreeMap<>(values);
    merged.putAll(overrides);
    return new Settings(merged);
  }

  public static String envName(String key) {
    return "AIDBRIDGE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The value, or empty when the key is unset or blank. */
  public Optional<String> get(String key) {
    String value = values.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  public String string(String key, String fallback) {
    return get(key).orElse(fallback);
  }

  public String required(String key) {
    return get(key).orElseThrow(() -> new ConfigException(key, "must be set"));
  }

  public int integer(String key, int fallback) {
    Optional<String> value = get(key);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.get());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "must be a whole number, not '" + value.get() + "'");
    }
  }

  public double decimal(String key, double fallback) {
    Optional<String> value = get(key);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Double.parseDouble(value.get());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "must be a number, not '" + value.get() + "'");
    }
  }

  /**
   * A whole number no smaller than {@code least}; one that is smaller stops the bot, naming the key
   * (what every typed settings class checks the same way).
   */
  public int integerAtLeast(String key, int fallback, int least) {
    int value = integer(key, fallback);
    if (value < least) {
      throw new ConfigException(key, "must be at least " + least + ", not " + value);
    }
    return value;
  }

  /** A number no smaller than {@code least}, as {@link #integerAtLeast}. */
  public double decimalAtLeast(String key, double fallback, double least) {
    double value = decimal(key, fallback);
    if (Double.isNaN(value) || value < least) {
      throw new ConfigException(key, "must be at least " + least + ", not " + value);
    }
    return value;
  }

  /** All keys starting with {@code prefix}, for settings such as {@code category.food.*}. */
  public Map<String, String> withPrefix(String prefix) {
    Map<String, String> found = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(prefix) && !v.isBlank()) {
            found.put(k, v);
          }
        });
    return found;
  }

  private static Properties read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Properties props = new Properties();
      props.load(reader);
      return props;
    } catch (IOException e) {
      throw new ConfigException("config", "cannot read " + file + ": " + e.getMessage());
    }
  }

  private static Properties packedDefaults() {
    Properties props = new Properties();
    try (InputStream in = Settings.class.getResourceAsStream("/application.properties")) {
      if (in != null) {
        props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new ConfigException("config", "cannot read the packed defaults: " + e.getMessage());
    }
    return props;
  }

  /** Redacts secrets, so the whole configuration can be logged at startup. */
  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>(values);
    SECRET_KEYS.forEach(k -> shown.computeIfPresent(k, (key, v) -> v.isBlank() ? "" : "***"));
    return shown.toString();
  }
}
