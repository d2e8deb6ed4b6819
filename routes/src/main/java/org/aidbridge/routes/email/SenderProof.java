package org.aidbridge.routes.email;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.aidbridge.routes.config.Settings;

/**
 * Whether a mail's sender is proven, as coordinator commands require: email's From is easy to
 * forge. Proof is either the coordinator secret written in the mail (it is removed before the text
 * goes anywhere), or an {@code Authentication-Results} header (RFC 8601) added by a receiving
 * server the configuration trusts, saying DKIM or DMARC passed for the From's domain.
 *
 * <p>The trusted server must remove such headers arriving from outside, as RFC 8601 asks: that is
 * what makes its header believable.
 */
final class SenderProof {
  static final String SECRET = "coordinator.secret";
  static final String TRUSTED_AUTHSERV = "email.trusted.authserv";
  static final SenderProof NONE = new SenderProof(null, Set.of());

  private static final Pattern RESULT =
      Pattern.compile(
          "\\b(dkim|dmarc)\\s*=\\s*pass\\b[^;]*?\\bheader\\.(?:d|from)\\s*=\\s*([^\\s;]+)",
          Pattern.CASE_INSENSITIVE);

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
  record Verdict(boolean authenticated, String text, String subject) {}

  Verdict check(Message mail, String fromAddress, String text, String subject)
      throws MessagingException {
    boolean bySecret = secret != null && (contains(text, secret) || contains(subject, secret));
    String cleanText = bySecret ? without(text, secret) : text;
    String cleanSubject = bySecret && subject != null ? without(subject, secret) : subject;
    return new Verdict(
        bySecret || vouchedFor(mail, domainOf(fromAddress)), cleanText, cleanSubject);
  }

  private boolean vouchedFor(Message mail, String fromDomain) throws MessagingException {
    String[] headers = mail.getHeader("Authentication-Results");
    if (headers == null || trustedServers.isEmpty()) {
      return false;
    }
    for (String header : headers) {
      String unfolded = header.replaceAll("\\s+", " ").strip();
      String server = unfolded.split("[;\\s]", 2)[0].toLowerCase(Locale.ROOT);
      if (trustedServers.contains(server) && passesFor(unfolded, fromDomain)) {
        return true;
      }
    }
    return false;
  }

  /** DKIM or DMARC passed for the From's domain or a parent of it (relaxed alignment). */
  private static boolean passesFor(String header, String fromDomain) {
    Matcher m = RESULT.matcher(header);
    while (m.find()) {
      String domain = m.group(2).toLowerCase(Locale.ROOT).replaceFirst("^.*@", "");
      if (fromDomain.equals(domain) || fromDomain.endsWith("." + domain)) {
        return true;
      }
    }
    return false;
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
