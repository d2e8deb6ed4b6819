package org.aidbridge.bot.model;

import java.util.Objects;

/**
 * Where a person or a group is reached on one channel: an email address, a Telegram chat id, a
 * Signal uuid or group id.
 *
 * <p>An address identifies a person, so it is private: {@link #toString()} never prints the id, and
 * no address is ever written into a message to someone else or a log line at INFO.
 */
public record Address(Channel channel, String id, boolean group) {

  public Address {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("address id is blank");
    }
  }

  public static Address person(Channel channel, String id) {
    return new Address(channel, id, false);
  }

  public static Address group(Channel channel, String id) {
    return new Address(channel, id, true);
  }

  /** The form used in configuration, e.g. {@code telegram:123456} or {@code email:a@b.org}. */
  public String qualified() {
    return channel.id() + ":" + id;
  }

  /** Parses {@code channel:id}, as written in configuration (always a person). */
  public static Address parsePerson(String qualified) {
    int colon = qualified.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("expected channel:id, e.g. telegram:123456");
    }
    return person(Channel.fromId(qualified.substring(0, colon)), qualified.substring(colon + 1));
  }

  /**
   * Redacted on purpose: addresses must not leak into logs by string concatenation. The id shows as
   * its keyed {@link LogPseudonyms pseudonym}, the same for the same id on one installation.
   */
  @Override
  public String toString() {
    return channel.id() + (group ? ":group#" : ":person#") + LogPseudonyms.of(qualified());
  }
}
