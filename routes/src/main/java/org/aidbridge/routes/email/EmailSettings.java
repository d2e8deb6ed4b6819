package org.aidbridge.routes.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.aidbridge.routes.config.ConfigException;
import org.aidbridge.routes.config.Settings;

/**
 * The email channel's settings, validated once at startup.
 *
 * @param imap where to read mail: scheme {@code imap} or {@code imaps}, host and port
 * @param smtp where to send mail: scheme {@code smtp} or {@code smtps}, host and port
 * @param address the bot's own address, the From of every mail it sends
 * @param username the login for IMAP and SMTP (the address when not set)
 * @param password the password (from the environment only), or empty for servers without login
 * @param pollMillis how often the inbox is polled
 * @param folder the IMAP folder to read
 */
public record EmailSettings(
    MailServer imap,
    MailServer smtp,
    String address,
    String username,
    String password,
    long pollMillis,
    String folder) {

  static final String IMAP_URL = "imap.url";
  static final String SMTP_URL = "smtp.url";
  static final String ADDRESS = "email.address";
  static final String USERNAME = "email.username";
  static final String PASSWORD = "email.password";
  static final String POLL_MS = "imap.poll.ms";
  static final String FOLDER = "imap.folder";

  private static final List<String> REQUIRED = List.of(IMAP_URL, SMTP_URL, ADDRESS);

  /** A mail server as configured: {@code imaps://imap.example.org:993}. */
  public record MailServer(String protocol, String host, int port) {
    boolean secure() {
      return protocol.endsWith("s");
    }
  }

  /** Whether email is turned on: any of its addresses is set (then all of them must be). */
  public static boolean configured(Settings settings) {
    return REQUIRED.stream().anyMatch(key -> settings.get(key).isPresent());
  }

  /** The one line logged when email is off. */
  public static String howToEnable() {
    return "Email is off. To turn it on set "
        + String.join(", ", REQUIRED.stream().map(Settings::envName).toList())
        + " and "
        + Settings.envName(PASSWORD)
        + " (see docs/email.md).";
  }

  /**
   * Reads and validates the email settings.
   *
   * @throws ConfigException naming the first key that is missing or wrong
   */
  public static EmailSettings from(Settings settings) {
    for (String key : REQUIRED) {
      settings.required(key);
    }
    MailServer imap = server(settings, IMAP_URL, Set.of("imap", "imaps"), 143, 993);
    MailServer smtp = server(settings, SMTP_URL, Set.of("smtp", "smtps"), 587, 465);
    String address = address(settings.required(ADDRESS));
    String username = settings.string(USERNAME, address);
    String password = settings.string(PASSWORD, "");
    if (password.isEmpty()) {
      throw new ConfigException(
          PASSWORD, "must be set in the environment: the IMAP server needs a login");
    }
    int poll = settings.integer(POLL_MS, 10_000);
    if (poll < 50) {
      throw new ConfigException(POLL_MS, "must be at least 50 (milliseconds), not " + poll);
    }
    String folder = settings.string(FOLDER, "INBOX");
    return new EmailSettings(imap, smtp, address, username, password, poll, folder);
  }

  /** The part of the bot's address after the @, used in the Message-IDs it makes. */
  public String domain() {
    return address.substring(address.lastIndexOf('@') + 1);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "EmailSettings[imap=" + imap + ", smtp=" + smtp + ", folder=" + folder + "]";
  }

  private static MailServer server(
      Settings settings, String key, Set<String> schemes, int plainPort, int securePort) {
    String text = settings.required(key);
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new ConfigException(key, "is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!schemes.contains(scheme) || uri.getHost() == null) {
      throw new ConfigException(
          key, "must look like " + String.join(" or ", sorted(schemes)) + "://host:port");
    }
    if (uri.getUserInfo() != null || uri.getQuery() != null) {
      throw new ConfigException(
          key, "must hold only scheme, host and port; the login is email.username");
    }
    int port = uri.getPort() > 0 ? uri.getPort() : scheme.endsWith("s") ? securePort : plainPort;
    return new MailServer(scheme, uri.getHost(), port);
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  private static String address(String text) {
    try {
      InternetAddress parsed = new InternetAddress(text, true);
      String plain = parsed.getAddress();
      if (!plain.contains("@")) {
        throw new AddressException("no @");
      }
      return plain.toLowerCase(Locale.ROOT);
    } catch (AddressException e) {
      throw new ConfigException(ADDRESS, "must be an email address such as aid@example.org");
    }
  }
}
