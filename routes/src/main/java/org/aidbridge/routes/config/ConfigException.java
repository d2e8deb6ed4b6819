package org.aidbridge.routes.config;

/** Invalid configuration: the message names the key and what is wrong, and nothing secret. */
public final class ConfigException extends RuntimeException {
  private final String key;

  public ConfigException(String key, String problem) {
    super("Configuration '" + key + "' (" + Settings.envName(key) + ") " + problem);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
