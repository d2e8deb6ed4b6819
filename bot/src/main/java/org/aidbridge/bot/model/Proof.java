package org.aidbridge.bot.model;

import java.util.Arrays;

/**
 * What a channel knows about who sent a message. The channel only reports it; {@code
 * org.aidbridge.bot.service.ProofPolicy} decides what each is good for.
 */
public enum Proof {
  /** Nothing: a mail's {@code From:}, which anyone can write. */
  NONE("none"),
  /** The mail carries the coordinator secret: some coordinator wrote it, not who. */
  COORDINATOR_SECRET("secret"),
  /** A receiving server the configuration trusts says DKIM or DMARC passed for the From domain. */
  MAIL_SERVER("dkim"),
  /** The mail answers a mail the bot sent to that very address (its token came back). */
  MAILBOX_ANSWER("answer"),
  /** The platform itself says who wrote it: a Telegram user id, a Signal uuid. */
  PLATFORM("platform");

  private final String id;

  Proof(String id) {
    this.id = id;
  }

  /** The word stored in the database. */
  public String id() {
    return id;
  }

  public static Proof fromId(String id) {
    return Arrays.stream(values())
        .filter(p -> p.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown proof: " + id));
  }

  /** Whether it shows that the sender is the identity named as sender. */
  public boolean provesIdentity() {
    return this == MAIL_SERVER || this == MAILBOX_ANSWER || this == PLATFORM;
  }
}
