package org.aidbridge.bot.port;

import java.util.Locale;
import java.util.Optional;
import org.aidbridge.bot.model.Channel;

/**
 * Work that exactly one instance does at a time when several run on one database: taking in one
 * channel's messages (polling Telegram, the Signal connection, reading the mailbox), and the core's
 * own work (handling stored inbound messages, matching, housekeeping, digests, escalation). Sending
 * the outbox is no role: any instance may send, each entry being claimed before it is sent.
 */
public enum Role {
  CORE(0, null),
  TELEGRAM(1, Channel.TELEGRAM),
  SIGNAL(2, Channel.SIGNAL),
  EMAIL(3, Channel.EMAIL);

  private final int slot;
  private final Channel channel;

  Role(int slot, Channel channel) {
    this.slot = slot;
    this.channel = channel;
  }

  /**
   * Where this role's lock lives (a byte of the lock file, the second key of an advisory lock).
   * Written out rather than taken from the order of the constants, so that instances of different
   * versions on one database still contend for the same locks.
   */
  public int slot() {
    return slot;
  }

  /** The channel whose intake this role is, empty for {@link #CORE}. */
  public Optional<Channel> channel() {
    return Optional.ofNullable(channel);
  }

  /** The role of taking in {@code channel}'s messages. */
  public static Role of(Channel channel) {
    for (Role role : values()) {
      if (role.channel == channel) {
        return role;
      }
    }
    throw new IllegalArgumentException("no role for " + channel);
  }

  /** As {@code /health} and {@code /metrics} name it: {@code core}, {@code telegram} ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
