package org.aidbridge.routes.telegram;

import java.net.URI;
import java.time.Duration;
import org.aidbridge.routes.config.ConfigException;
import org.aidbridge.routes.config.Settings;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * The Telegram channel's settings.
 *
 * @param token the bot token from @BotFather (a secret: environment only)
 * @param apiUrl where the Bot API answers: Telegram itself, a self-hosted Bot API server or a test
 *     server
 * @param username the bot's username without @, or null to ask {@code getMe}
 * @param pollTimeout how long one getUpdates call waits for updates
 */
public record TelegramSettings(String token, URI apiUrl, String username, Duration pollTimeout) {

  public static final String TOKEN = "telegram.token";
  public static final String API_URL = "telegram.api.url";
  public static final String USERNAME = "telegram.username";
  public static final String POLL_TIMEOUT = "telegram.poll.timeout.seconds";

  public static TelegramSettings from(Settings settings) {
    String token = settings.required(TOKEN);
    URI url = parseUrl(settings.string(API_URL, "https://api.telegram.org"));
    String username = settings.get(USERNAME).map(u -> u.replaceFirst("^@", "")).orElse(null);
    int timeout = settings.integer(POLL_TIMEOUT, 50);
    if (timeout < 1 || timeout > 600) {
      // 0 would be short polling: a request after request, all day long.
      throw new ConfigException(POLL_TIMEOUT, "must be between 1 and 600 seconds");
    }
    return new TelegramSettings(token, url, username, Duration.ofSeconds(timeout));
  }

  /** The URL in the form TelegramBots takes: scheme, host and port, no path. */
  public TelegramUrl telegramUrl() {
    int port = apiUrl.getPort();
    if (port < 0) {
      port = "http".equals(apiUrl.getScheme()) ? 80 : 443;
    }
    return new TelegramUrl(apiUrl.getScheme(), apiUrl.getHost(), port, false);
  }

  private static URI parseUrl(String value) {
    try {
      URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
      boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      if (!web || uri.getHost() == null) {
        throw new ConfigException(
            API_URL, "must be an http(s) URL such as https://api.telegram.org");
      }
      if (uri.getPath() != null && !uri.getPath().isEmpty()) {
        throw new ConfigException(API_URL, "must not have a path: the client adds /bot<token>/");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(API_URL, "is not a URL: " + e.getMessage());
    }
  }

  /** Redacted: the token is a secret. */
  @Override
  public String toString() {
    return "TelegramSettings[apiUrl=" + apiUrl + ", username=" + username + "]";
  }
}
