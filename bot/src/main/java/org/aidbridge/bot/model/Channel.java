package org.aidbridge.bot.model;

/** A messaging network the bot talks on. */
public enum Channel {
  EMAIL,
  TELEGRAM,
  SIGNAL;

  /** The lower-case name used in configuration and identities, e.g. {@code telegram}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Channel fromId(String id) {
    return valueOf(id.trim().toUpperCase(java.util.Locale.ROOT));
  }
}
