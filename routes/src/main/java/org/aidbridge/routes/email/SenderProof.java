package org.aidbridge.routes.email;

import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.aidbridge.bot.model.Proof;
import org.aidbridge.routes.config.Settings;

/**
 * What a mail proves about its sender besides answering the bot ({@link MailTokens}): email's From
 * is easy to forge. An {@code Authentication-Results} header (RFC 8601) added by a receiving server
 * the configuration trusts, saying DKIM or DMARC passed for the From's domain, proves the sender;
 * the coordinator secret written in the mail (removed before the text goes anywhere) proves only
 * that some coordinator wrote it.
 *
 * <p>Only the topmost block of {@code Authentication-Results} headers counts, above the mail's own
 * headers (only trace headers such as {@code Received} may stand above it): that is where the
 * receiving server adds its own. A copy lower in the mail, which anyone can write, counts for
 * nothing, even with the trusted server's name.
 */
final class SenderProof {
  static final String SECRET = "coordinator.secret";
  static final String TRUSTED_AUTHSERV = "email.trusted.authserv";
  static final SenderProof NONE = new SenderProof(null, Set.of());

  private static final Set<String> TRACE =
      Set.of("received", "return-path", "delivered-to", "x-original-to", "received-spf");

  /** A quoted string or an innermost comment (RFC 8601 values and CFWS). */
  private static final Pattern QUOTED_OR_COMMENT =
      Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|\\([^()]*\\)");

  private static final Pattern VERDICT = Pattern.compile("(?i)(dkim|dmarc)=pass");
  private static final Pattern ALIGNED_ON = Pattern.compile("(?i)header\\.(?:d|from)=(\\S+)");

  private final String secret;
  private final Set<String> trustedServers;

  SenderProof(String secret, Set<String> trustedServers) {
    this.secret = secret == null || secret.isBlank() ? null : secret.strip();
    this.trustedServers = trustedServers;
  }

  static SenderProof from(Settings settings) {
    Set<String> servers =
        Arrays.stream(settings.string(TRUSTED_AUTHSERV, "").split(","))
            .map(s -> s.strip().toLowerCase(Locale.ROOT))
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    return new SenderProof(settings.get(SECRET).orElse(null), servers);
  }

  /** What the mail proves, and its text and subject with the secret taken out. */
  record Verdict(Proof proof, String text, String subject) {}

  Verdict check(Message mail, String fromAddress, String text, String subject)
      throws MessagingException {
    boolean bySecret = secret != null && (contains(text, secret) || contains(subject, secret));
    String cleanText = bySecret ? without(text, secret) : text;
    String cleanSubject = bySecret && subject != null ? without(subject, secret) : subject;
    Proof proof =
        vouchedFor(mail, domainOf(fromAddress))
            ? Proof.MAIL_SERVER
            : bySecret ? Proof.COORDINATOR_SECRET : Proof.NONE;
    return new Verdict(proof, cleanText, cleanSubject);
  }

  private boolean vouchedFor(Message mail, String fromDomain) throws MessagingException {
    if (trustedServers.isEmpty()) {
      return false;
    }
    for (String header : topmostResults(mail)) {
      String unfolded = header.replaceAll("\\s+", " ").strip();
      String server = unfolded.split("[;\\s]", 2)[0].toLowerCase(Locale.ROOT);
      if (trustedServers.contains(server) && passesFor(unfolded, fromDomain)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first run of {@code Authentication-Results} headers from the top, if only trace headers
   * stand above it; empty when the mail's own headers come first.
   */
  static List<String> topmostResults(Message mail) throws MessagingException {
    List<String> block = new ArrayList<>();
    Enumeration<Header> headers = mail.getAllHeaders();
    while (headers.hasMoreElements()) {
      Header header = headers.nextElement();
      String name = header.getName().toLowerCase(Locale.ROOT);
      if (name.equals("authentication-results")) {
        block.add(header.getValue());
      } else if (!block.isEmpty() || !isTrace(name)) {
        break;
      }
    }
    return block;
  }

  /** Headers that servers add on the way in, above what the sender wrote. */
  private static boolean isTrace(String name) {
    return TRACE.contains(name) || name.startsWith("arc-");
  }

  /**
   * DKIM or DMARC passed for the From's domain or a parent of it (relaxed alignment). Read as RFC
   * 8601 writes it: each result ({@code ;}-separated) begins with its method and verdict, its
   * properties follow as words. Quoted strings and comments are taken out first: there the server
   * copies what the sender chose (the envelope sender, the HELO name, a reverse DNS name), which
   * may spell out {@code dkim=pass header.d=...} anywhere.
   */
  private static boolean passesFor(String header, String fromDomain) {
    String[] results = withoutQuotesAndComments(header).replaceAll("\\s*=\\s*", "=").split(";");
    for (int i = 1; i < results.length; i++) { // the first part is the authserv-id
      String[] words = results[i].strip().split("\\s+");
      if (!VERDICT.matcher(words[0]).matches()) {
        continue;
      }
      for (int w = 1; w < words.length; w++) {
        Matcher m = ALIGNED_ON.matcher(words[w]);
        if (m.matches() && aligned(m.group(1), fromDomain)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean aligned(String value, String fromDomain) {
    String domain = value.toLowerCase(Locale.ROOT).replaceFirst("^.*@", "");
    return fromDomain.equals(domain) || fromDomain.endsWith("." + domain);
  }

  /** The header without quoted strings and comments (nested ones too), each left as a space. */
  private static String withoutQuotesAndComments(String header) {
    String before;
    String after = header;
    do {
      before = after;
      after = QUOTED_OR_COMMENT.matcher(before).replaceAll(" ");
    } while (!after.equals(before));
    return after;
  }

  private static String domainOf(String address) {
    return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
  }

  private static boolean contains(String text, String secret) {
    return text != null && text.contains(secret);
  }

  private static String without(String text, String secret) {
    return text.replace(secret, "").replaceAll("[ \\t]{2,}", " ").strip();
  }
}
