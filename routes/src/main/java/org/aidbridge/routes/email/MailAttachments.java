package org.aidbridge.routes.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.util.Set;

/**
 * Whether a mail carries something its sender attached that the bot does not read: a part marked as
 * an attachment, or a file among the mail's parts (a photo a mail program put inline, a PDF). Read
 * from the structure alone (on IMAP, BODYSTRUCTURE): no part is fetched.
 *
 * <p>Not counted, because the sender did not attach them: the other forms of the same text in a
 * {@code multipart/alternative} (the HTML of a plain-text mail), the pictures an HTML mail shows
 * inside it ({@code multipart/related}: logos in signatures), and signatures ({@code
 * multipart/signed}, PGP and S/MIME). Looks at most at {@link MailBody#MAX_PARTS} parts and {@link
 * MailBody#MAX_DEPTH} levels, as {@link MailBody} does.
 */
final class MailAttachments {
  private static final Set<String> SIGNATURES =
      Set.of(
          "application/pgp-signature",
          "application/pkcs7-signature",
          "application/x-pkcs7-signature");

  private MailAttachments() {}

  static boolean any(Part mail) throws MessagingException, IOException {
    return attached(mail, 0, new int[] {MailBody.MAX_PARTS});
  }

  private static boolean attached(Part part, int depth, int[] budget)
      throws MessagingException, IOException {
    if (depth > MailBody.MAX_DEPTH || budget[0]-- <= 0 || isSignature(part)) {
      return false;
    }
    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return true;
    }
    if (part.isMimeType("multipart/*")) {
      return inside(part, depth, budget);
    }
    return !part.isMimeType("text/plain") && !part.isMimeType("text/html");
  }

  private static boolean inside(Part part, int depth, int[] budget)
      throws MessagingException, IOException {
    Multipart parts = (Multipart) part.getContent();
    // Of a related or a signed whole, only the first part is what the sender wrote.
    boolean firstOnly = part.isMimeType("multipart/related") || part.isMimeType("multipart/signed");
    int count = firstOnly ? Math.min(1, parts.getCount()) : parts.getCount();
    boolean alternative = part.isMimeType("multipart/alternative");
    for (int i = 0; i < count && budget[0] > 0; i++) {
      Part child = parts.getBodyPart(i);
      boolean skipped =
          alternative
              ? Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())
                  || (child.isMimeType("multipart/*") && attached(child, depth + 1, budget))
              : attached(child, depth + 1, budget);
      if (skipped) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSignature(Part part) throws MessagingException {
    for (String type : SIGNATURES) {
      if (part.isMimeType(type)) {
        return true;
      }
    }
    return false;
  }
}
