package org.aidbridge.routes.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Message-IDs as the bot keeps them: without the angle brackets of the header, so an id read from
 * {@code In-Reply-To} equals the one the bot stored when it sent the mail.
 */
final class MessageIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private MessageIds() {}

  /** {@code <abc@host>} becomes {@code abc@host}; null or blank stays null. */
  static String bare(String header) {
    if (header == null) {
      return null;
    }
    String id = header.strip();
    int open = id.indexOf('<');
    int close = id.indexOf('>', open + 1);
    if (open >= 0 && close > open) {
      id = id.substring(open + 1, close).strip();
    }
    return id.isEmpty() ? null : id;
  }

  /** The last id of a References header (the message answered), or null. */
  static String lastReference(String references) {
    if (references == null || references.isBlank()) {
      return null;
    }
    String[] ids = references.strip().split("\\s+");
    return bare(ids[ids.length - 1]);
  }

  static String header(String bareId) {
    return "<" + bareId + ">";
  }

  /** A fresh id for a mail the bot sends: {@code aidbridge.{outboxId}.{random}@{domain}}. */
  static String forOutbox(long outboxId, String domain) {
    byte[] random = new byte[6];
    RANDOM.nextBytes(random);
    return "aidbridge." + outboxId + "." + HexFormat.of().formatHex(random) + "@" + domain;
  }

  /** A stable stand-in when a mail has no Message-ID: the same mail always gets the same one. */
  static String hashOf(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        sha.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return "sha256:" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
