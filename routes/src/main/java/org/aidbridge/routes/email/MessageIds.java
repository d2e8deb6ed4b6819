package org.aidbridge.routes.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Message-IDs as the bot keeps them: without the angle brackets of the header, so an id read from
 * {@code In-Reply-To} equals the one the bot stored when it sent the mail.
 */
final class MessageIds {
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

  /** Every id of a References header, oldest first, without brackets. */
  static List<String> references(String references) {
    if (references == null || references.isBlank()) {
      return List.of();
    }
    return Arrays.stream(references.strip().split("\\s+"))
        .map(MessageIds::bare)
        .filter(Objects::nonNull)
        .toList();
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
