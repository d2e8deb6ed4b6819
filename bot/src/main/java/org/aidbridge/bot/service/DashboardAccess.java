package org.aidbridge.bot.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.store.DashboardSession;
import org.aidbridge.bot.store.Store;

/**
 * Sign-in to the coordinators' web dashboard without passwords: a coordinator sends {@code
 * dashboard} and gets, privately, a link that works once for ten minutes; opening it starts a
 * twelve-hour session. Only hashes of the link's token and of the session's cookie are stored, and
 * every session is checked against the coordinator rule on each use, so a coordinator removed from
 * the settings is signed out at once.
 */
public final class DashboardAccess {
  public static final Duration LINK_VALID = Duration.ofMinutes(10);
  public static final Duration SESSION_LENGTH = Duration.ofHours(12);
  private static final String SIGN_IN_PATH = "/signin?token=";

  private final Store store;
  private final BotSettings settings;
  private final Replies replies;
  private final Clock clock;
  private final String publicUrl;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param publicUrl where coordinators open the dashboard, such as {@code
   *     https://aid.example.org}, or null when it is off
   */
  public DashboardAccess(
      Store store, BotSettings settings, Replies replies, Clock clock, String publicUrl) {
    this.store = store;
    this.settings = settings;
    this.replies = replies;
    this.clock = clock;
    this.publicUrl = publicUrl == null ? null : publicUrl.replaceAll("/+$", "");
  }

  /** A session just started: the cookie's value (kept by the browser only) and the session. */
  public record NewSession(String cookieValue, DashboardSession session) {}

  /**
   * {@code dashboard}: the sender, already known to be a coordinator, gets a sign-in link privately
   * (never in a group, where others would read it).
   */
  List<OutboundMessage> link(InboundMessage message, String language) {
    if (publicUrl == null) {
      return List.of(replies.toPerson(message, language, Texts.get(language, "dashboard.off")));
    }
    String token = newSecret();
    store.saveDashboardLink(hash(token), message.sender(), clock.instant().plus(LINK_VALID));
    String link = publicUrl + SIGN_IN_PATH + token;
    return List.of(
        replies.toPerson(message, language, Texts.get(language, "dashboard.link", link)));
  }

  /**
   * Opens a sign-in link: a new session for its coordinator, or empty when the link is unknown,
   * used, expired, or its person is no longer a coordinator. The link cannot be used again.
   */
  public Optional<NewSession> signIn(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return store
        .useDashboardLink(hash(token), clock.instant())
        .filter(this::isCoordinator)
        .map(this::startSession);
  }

  /** The session a cookie belongs to, while it lasts and its person is still a coordinator. */
  public Optional<DashboardSession> session(String cookieValue) {
    if (cookieValue == null || cookieValue.isBlank()) {
      return Optional.empty();
    }
    return store
        .dashboardSession(hash(cookieValue), clock.instant())
        .filter(s -> isCoordinator(s.person()));
  }

  public void signOut(String cookieValue) {
    if (cookieValue != null && !cookieValue.isBlank()) {
      store.deleteDashboardSession(hash(cookieValue));
    }
  }

  private boolean isCoordinator(Address person) {
    return Coordination.isCoordinator(store, settings, person);
  }

  private NewSession startSession(Address person) {
    String cookie = newSecret();
    DashboardSession session =
        new DashboardSession(
            hash(cookie), person, newSecret(), clock.instant().plus(SESSION_LENGTH));
    store.saveDashboardSession(session);
    return new NewSession(cookie, session);
  }

  private String newSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** SHA-256, hex: what the store keeps instead of the secret. */
  static String hash(String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
