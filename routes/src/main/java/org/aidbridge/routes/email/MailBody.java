package org.aidbridge.routes.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds the readable text of a mail: text/plain when there is one, else HTML reduced to text.
 * Attachments and forwarded mails are not read. Charsets and transfer encodings (quoted-printable,
 * base64) are decoded by Jakarta Mail; a charset Java does not know is read as UTF-8.
 */
final class MailBody {

  private MailBody() {}

  /** The whole text of the body (quotes included), or empty when it has no text part. */
  static Optional<String> text(Part mail) throws MessagingException, IOException {
    return find(mail, 0);
  }

  private static Optional<String> find(Part part, int depth)
      throws MessagingException, IOException {
    if (depth > 10 || isAttachment(part)) {
      return Optional.empty();
    }
    if (part.isMimeType("text/plain")) {
      return Optional.of(plain(part));
    }
    if (part.isMimeType("text/html")) {
      return Optional.of(HtmlToText.convert(decode(part)));
    }
    if (part.isMimeType("multipart/alternative")) {
      return alternative((Multipart) part.getContent(), depth);
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        Optional<String> found = find(multipart.getBodyPart(i), depth + 1);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** Prefers text/plain, then HTML, then whatever a nested part holds. */
  private static Optional<String> alternative(Multipart alternatives, int depth)
      throws MessagingException, IOException {
    for (String preferred : new String[] {"text/plain", "text/html"}) {
      for (int i = 0; i < alternatives.getCount(); i++) {
        BodyPart part = alternatives.getBodyPart(i);
        if (part.isMimeType(preferred) && !isAttachment(part)) {
          Optional<String> text = find(part, depth + 1);
          if (text.isPresent() && !text.get().isBlank()) {
            return text;
          }
        }
      }
    }
    for (int i = 0; i < alternatives.getCount(); i++) {
      Optional<String> nested = find(alternatives.getBodyPart(i), depth + 1);
      if (nested.isPresent()) {
        return nested;
      }
    }
    return Optional.empty();
  }

  private static boolean isAttachment(Part part) throws MessagingException {
    return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
  }

  private static String plain(Part part) throws MessagingException, IOException {
    String text = decode(part);
    ContentType type = new ContentType(part.getContentType());
    if ("flowed".equalsIgnoreCase(type.getParameter("format"))) {
      return unflow(text, "yes".equalsIgnoreCase(type.getParameter("delsp")));
    }
    return text;
  }

  private static String decode(Part part) throws MessagingException, IOException {
    try {
      Object content = part.getContent();
      if (content instanceof String text) {
        return text;
      }
    } catch (UnsupportedEncodingException e) {
      // An unknown or misspelled charset: fall through and read the bytes as UTF-8.
    }
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** RFC 3676: a line ending in a space continues on the next one (the signature line aside). */
  static String unflow(String text, boolean delSp) {
    StringBuilder out = new StringBuilder();
    for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
      boolean soft = line.endsWith(" ") && !line.equals("-- ") && !line.startsWith(">");
      if (soft) {
        out.append(delSp ? line.substring(0, line.length() - 1) : line);
      } else {
        out.append(line).append('\n');
      }
    }
    String joined = out.toString();
    return joined.endsWith("\n") ? joined.substring(0, joined.length() - 1) : joined;
  }
}
