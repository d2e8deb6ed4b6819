package org.aidbridge.routes.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

/**
 * Mails written to hurt, generated here (never checked in): each as the raw bytes a hostile or
 * broken mail program would put on the wire. Each carries the text "help" somewhere, so a bot that
 * reads it at all answers it.
 */
final class HostileMails {
  private static final String CRLF = "\r\n";

  private HostileMails() {}

  /** A text part saying "help" and a 25 MB attachment. */
  static MimeMessage hugeAttachment(String from) throws MessagingException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream(36 * 1024 * 1024);
    write(raw, headers(from, "big", "Photos", "multipart/mixed; boundary=\"b1\""));
    write(raw, "--b1" + CRLF + "Content-Type: text/plain" + CRLF + CRLF + "help" + CRLF);
    write(raw, "--b1" + CRLF + "Content-Type: application/octet-stream" + CRLF);
    write(raw, "Content-Transfer-Encoding: base64" + CRLF);
    write(raw, "Content-Disposition: attachment; filename=\"all.bin\"" + CRLF + CRLF);
    byte[] line = new byte[78];
    Arrays.fill(line, (byte) 'Q');
    line[76] = '\r';
    line[77] = '\n';
    for (int written = 0; written < 25 * 1024 * 1024 / 3 * 4; written += 76) {
      raw.writeBytes(line);
    }
    write(raw, "--b1--" + CRLF);
    return parse(raw.toByteArray());
  }

  /**
   * A text part of {@code textBytes} (a need on its first line, then lines of x) and an attachment
   * of {@code attachmentBytes}.
   */
  static MimeMessage longTextAndAttachment(String from, int textBytes, int attachmentBytes)
      throws MessagingException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream(textBytes + attachmentBytes * 2);
    write(raw, headers(from, "long", "Insulin", "multipart/mixed; boundary=\"b1\""));
    write(raw, "--b1" + CRLF + "Content-Type: text/plain; charset=us-ascii" + CRLF + CRLF);
    write(raw, "I need insulin in Portland" + CRLF);
    String filler = "x".repeat(74) + CRLF;
    for (int written = 0; written < textBytes; written += filler.length()) {
      write(raw, filler);
    }
    write(raw, "--b1" + CRLF + "Content-Type: application/octet-stream" + CRLF);
    write(raw, "Content-Transfer-Encoding: base64" + CRLF);
    write(raw, "Content-Disposition: attachment; filename=\"scan.bin\"" + CRLF + CRLF);
    String encoded = "Q".repeat(76) + CRLF;
    for (int written = 0; written < attachmentBytes / 3 * 4; written += 76) {
      write(raw, encoded);
    }
    write(raw, "--b1--" + CRLF);
    return parse(raw.toByteArray());
  }

  /** A subject of a million characters. */
  static MimeMessage megabyteSubject(String from) throws MessagingException {
    return parse(headers(from, "subject", "help " + "S".repeat(1_000_000), "text/plain") + "help");
  }

  /** 2 MB of nested HTML. */
  static MimeMessage htmlBomb(String from) throws MessagingException {
    String html = "<p>help</p>" + "<div><span>".repeat(200_000) + "x";
    return parse(headers(from, "bomb", "Hi", "text/html; charset=utf-8") + html);
  }

  /** 200 multiparts, each inside the one before. */
  static MimeMessage nestedMultiparts(String from) throws MessagingException {
    StringBuilder body = new StringBuilder();
    for (int level = 1; level < 200; level++) {
      body.append("--n").append(level).append(CRLF);
      body.append("Content-Type: multipart/mixed; boundary=\"n").append(level + 1).append('"');
      body.append(CRLF).append(CRLF);
    }
    body.append("--n200").append(CRLF).append("Content-Type: text/plain").append(CRLF).append(CRLF);
    body.append("help").append(CRLF);
    for (int level = 200; level >= 1; level--) {
      body.append("--n").append(level).append("--").append(CRLF);
    }
    return parse(headers(from, "nested", "Hi", "multipart/mixed; boundary=\"n1\"") + body);
  }

  /** A multipart whose declared boundary never comes. */
  static MimeMessage brokenBoundary(String from) throws MessagingException {
    String body =
        "--other" + CRLF + "Content-Type: text/plain" + CRLF + CRLF + "help" + CRLF + "--other--";
    return parse(headers(from, "boundary", "Hi", "multipart/mixed; boundary=\"nope\"") + body);
  }

  /** A charset nobody knows, and bytes that are not text in any. */
  static MimeMessage brokenCharset(String from) throws MessagingException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    write(raw, headers(from, "charset", "Hi", "text/plain; charset=\"x-utf-99\""));
    raw.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 27, (byte) 0xc3});
    write(raw, " help");
    return parse(raw.toByteArray());
  }

  /** A From that names nobody: no address at all. */
  static MimeMessage fromWithoutAddress() throws MessagingException {
    return parse(headers("Ana Without Address", "noaddr", "Hi", "text/plain") + "help");
  }

  /** An ordinary mail whose Message-ID is chosen by its writer. */
  static MimeMessage withMessageId(String from, String messageId) throws MessagingException {
    return parse(headersWithId(from, messageId, "Question", "text/plain") + "help");
  }

  private static String headers(String from, String id, String subject, String type) {
    return headersWithId(from, "<hostile-" + id + "@example.org>", subject, type);
  }

  private static String headersWithId(String from, String messageId, String subject, String type) {
    return "From: "
        + from
        + CRLF
        + "To: "
        + EmailHarness.BOT
        + CRLF
        + "Subject: "
        + subject
        + CRLF
        + "Message-ID: "
        + messageId
        + CRLF
        + "MIME-Version: 1.0"
        + CRLF
        + "Content-Type: "
        + type
        + CRLF
        + CRLF;
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static MimeMessage parse(String raw) throws MessagingException {
    return parse(raw.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static MimeMessage parse(byte[] raw) throws MessagingException {
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
  }
}
