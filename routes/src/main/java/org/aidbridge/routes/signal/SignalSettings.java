package org.aidbridge.routes.signal;

import java.time.Duration;
import java.util.Locale;
import org.aidbridge.routes.config.ConfigException;
import org.aidbridge.routes.config.Settings;

/**
 * The Signal channel's settings, read and validated once at startup.
 *
 * @param endpoint the signal-cli daemon: {@code tcp://host:port} or {@code unix:/path}
 * @param account the bot's number, sent with account requests to a multi-account daemon; null when
 *     the daemon serves one account
 * @param requestTimeout how long to wait for the daemon's answer to one request
 * @param receiveMode how the daemon was started: it pushes messages on connection, or waits for
 *     {@code subscribeReceive}
 * @param directPace least time between two direct messages
 */
public record SignalSettings(
    SignalEndpoint endpoint,
    String account,
    Duration requestTimeout,
    ReceiveMode receiveMode,
    Duration directPace) {

  public static final String ENDPOINT = "signal.endpoint";
  public static final String ACCOUNT = "signal.account";
  public static final String REQUEST_TIMEOUT = "signal.request.timeout.seconds";
  public static final String RECEIVE_MODE = "signal.receive.mode";
  public static final String DIRECT_PACE = "signal.direct.pace.seconds";

  /** signal-cli's {@code --receive-mode}. */
  public enum ReceiveMode {
    ON_CONNECTION,
    MANUAL;

    /** As written in the setting and on signal-cli's command line: {@code on-connection}. */
    public String text() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Whether Signal is turned on: its endpoint is set. */
  public static boolean configured(Settings settings) {
    return settings.get(ENDPOINT).isPresent();
  }

  /**
   * Reads and validates the Signal settings.
   *
   * @throws ConfigException naming the first key that is missing or wrong
   */
  public static SignalSettings from(Settings settings) {
    SignalEndpoint endpoint;
    try {
      endpoint = SignalEndpoint.parse(settings.required(ENDPOINT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(ENDPOINT, e.getMessage());
    }
    String account = settings.get(ACCOUNT).map(String::trim).orElse(null);
    if (account != null && !account.matches("\\+[1-9][0-9]{6,14}")) {
      throw new ConfigException(ACCOUNT, "must be a phone number such as +15550001111");
    }
    int timeout = settings.integerAtLeast(REQUEST_TIMEOUT, 30, 1);
    double pace = settings.decimalAtLeast(DIRECT_PACE, 2, 0);
    return new SignalSettings(
        endpoint,
        account,
        Duration.ofSeconds(timeout),
        receiveMode(settings.string(RECEIVE_MODE, "on-connection")),
        Duration.ofMillis(Math.round(pace * 1000)));
  }

  private static ReceiveMode receiveMode(String text) {
    for (ReceiveMode mode : ReceiveMode.values()) {
      if (mode.text().equals(text)) {
        return mode;
      }
    }
    throw new ConfigException(RECEIVE_MODE, "must be on-connection or manual");
  }
}
