package org.aidbridge.routes.email;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a delivery status notification (RFC 3464, {@code multipart/report;
 * report-type=delivery-status}): which recipients failed for good (Action: failed, Status 5.x.x),
 * and which of the bot's mails bounced (its Message-ID, from the returned headers).
 */
final class Bounces {
  private static final Pattern RECIPIENT_BLOCK =
      Pattern.compile("(?im)^Final-Recipient:\\s*rfc822;\\s*<?([^>\\s]+@[^>\\s]+)>?\\s*$");
  private static final Pattern FAILED = Pattern.compile("(?im)^Action:\\s*failed\\s*$");
  private static final Pattern PERMANENT = Pattern.compile("(?im)^Status:\\s*5\\.\\d+\\.\\d+");
  private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*<([^>]+)>");
  private static final int MAX_PART_BYTES = 64 * 1024;

  private Bounces() {}

  /** A bounce of one of the bot's mails: its Message-ID (bare) and the recipients that failed. */
  record Bounce(String messageId, Set<String> failedRecipients) {}

  /** The permanent failures a bounce reports, or null when the mail is no bounce we can read. */
  static Bounce read(Message mail) throws MessagingException, IOException {
    if (!mail.isMimeType("multipart/report") || !(mail.getContent() instanceof Multipart parts)) {
      return null;
    }
    Set<String> failed = new LinkedHashSet<>();
    String messageId = null;
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType("message/delivery-status")) {
        failed.addAll(permanentFailures(text(part)));
      } else if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822")) {
        Matcher id = MESSAGE_ID.matcher(text(part));
        messageId = id.find() ? id.group(1).strip() : messageId;
      }
    }
    return messageId == null || failed.isEmpty() ? null : new Bounce(messageId, failed);
  }

  /** Per-recipient blocks are separated by blank lines; keep those that failed for good. */
  static List<String> permanentFailures(String status) {
    List<String> failed = new ArrayList<>();
    for (String block : status.replace("\r\n", "\n").split("\n\\s*\n")) {
      Matcher recipient = RECIPIENT_BLOCK.matcher(block);
      boolean permanent = FAILED.matcher(block).find() && PERMANENT.matcher(block).find();
      if (recipient.find() && permanent) {
        failed.add(recipient.group(1).toLowerCase(Locale.ROOT));
      }
    }
    return failed;
  }

  private static String text(BodyPart part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return new String(in.readNBytes(MAX_PART_BYTES), StandardCharsets.UTF_8);
    }
  }
}
