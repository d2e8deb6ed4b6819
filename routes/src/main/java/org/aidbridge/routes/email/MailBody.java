package org.aidbridge.routes.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds the readable text of a mail: text/plain when there is one, else HTML reduced to text.
 *
 * <p>Hostile mail costs little: the structure is read first (on IMAP, from BODYSTRUCTURE, without
 * downloading anything), attachments and other non-text parts are never fetched, at most {@link
 * #MAX_PARTS} parts and {@link #MAX_DEPTH} levels of nesting are looked at, and of a text part only
 * the first {@link #MAX_TEXT_BYTES} (HTML: {@link #MAX_HTML_BYTES}) are read, as a stream. Transfer
 * encodings are decoded by Jakarta Mail; a charset Java does not know is read as UTF-8, and bytes
 * that are not valid in the charset become U+FFFD. A text part longer than that is read in part,
 * and {@link Text#cut} says so, so that the person can be told.
 */
final class MailBody {
  static final int MAX_TEXT_BYTES = 64 * 1024;
  static final int MAX_HTML_BYTES = 256 * 1024;
  static final int MAX_PARTS = 100;
  static final int MAX_DEPTH = 10;

  private MailBody() {}

  /** The text read, and whether its part held more than was read. */
  record Text(String text, boolean cut) {}

  /** What is read of one mail: parts may still be looked at; whether a text part was cut. */
  private static final class Reading {
    int budget = MAX_PARTS;
    boolean cut;
  }

  /** The text of the body (quotes included, possibly cut), or empty when it has no text part. */
  static Optional<String> text(Part mail) throws MessagingException, IOException {
    return read(mail).map(Text::text);
  }

  /** As {@link #text}, saying whether the text part was longer than what was read. */
  static Optional<Text> read(Part mail) throws MessagingException, IOException {
    Reading reading = new Reading();
    return find(mail, 0, reading).map(text -> new Text(text, reading.cut));
  }

  private static Optional<String> find(Part part, int depth, Reading budget)
      throws MessagingException, IOException {
    if (depth > MAX_DEPTH || budget.budget-- <= 0 || isAttachment(part)) {
      return Optional.empty();
    }
    if (part.isMimeType("text/plain")) {
      return Optional.of(plain(part, budget));
    }
    if (part.isMimeType("text/html")) {
      return Optional.of(HtmlToText.convert(read(part, MAX_HTML_BYTES, budget)));
    }
    if (part.isMimeType("multipart/alternative")) {
      return alternative((Multipart) part.getContent(), depth, budget);
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount() && budget.budget > 0; i++) {
        Optional<String> found = find(multipart.getBodyPart(i), depth + 1, budget);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** Prefers text/plain, then HTML, then whatever a nested part holds. */
  private static Optional<String> alternative(Multipart alternatives, int depth, Reading budget)
      throws MessagingException, IOException {
    int count = Math.min(alternatives.getCount(), MAX_PARTS);
    for (String preferred : new String[] {"text/plain", "text/html"}) {
      for (int i = 0; i < count; i++) {
        BodyPart part = alternatives.getBodyPart(i);
        if (part.isMimeType(preferred) && !isAttachment(part)) {
          Optional<String> text = find(part, depth + 1, budget);
          if (text.isPresent() && !text.get().isBlank()) {
            return text;
          }
        }
      }
    }
    for (int i = 0; i < count && budget.budget > 0; i++) {
      Optional<String> nested = find(alternatives.getBodyPart(i), depth + 1, budget);
      if (nested.isPresent()) {
        return nested;
      }
    }
    return Optional.empty();
  }

  private static boolean isAttachment(Part part) throws MessagingException {
    return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
  }

  private static String plain(Part part, Reading reading) throws MessagingException, IOException {
    String text = read(part, MAX_TEXT_BYTES, reading);
    ContentType type = new ContentType(part.getContentType());
    if ("flowed".equalsIgnoreCase(type.getParameter("format"))) {
      return unflow(text, "yes".equalsIgnoreCase(type.getParameter("delsp")));
    }
    return text;
  }

  /**
   * At most {@code maxBytes} of the part's decoded content, streamed, in the part's charset; notes
   * in {@code reading} when there was more (one byte more is asked for, no more is fetched).
   */
  private static String read(Part part, int maxBytes, Reading reading)
      throws MessagingException, IOException {
    byte[] bytes;
    try (InputStream in = part.getInputStream()) {
      bytes = in.readNBytes(maxBytes);
      if (in.read() != -1) {
        reading.cut = true;
      }
    }
    return charsetOf(part)
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /** The part's charset; an unknown, misspelled or missing one is read as UTF-8. */
  private static Charset charsetOf(Part part) {
    try {
      String declared = new ContentType(part.getContentType()).getParameter("charset");
      if (declared != null && !declared.isBlank()) {
        return Charset.forName(MimeUtility.javaCharset(declared.strip()));
      }
    } catch (MessagingException | IllegalArgumentException e) {
      // fall through: read as UTF-8
    }
    return StandardCharsets.UTF_8;
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
