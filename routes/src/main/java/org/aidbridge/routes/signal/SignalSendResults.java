package org.aidbridge.routes.signal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.aidbridge.bot.outbox.SendOutcome;

/**
 * Reads what signal-cli answered to a {@code send}: the per-recipient results of a success, or the
 * error, whose {@code data.response} holds the same results when every recipient failed.
 *
 * <p>Nothing Signal refuses for a while is dropped: rate limits and captcha challenges pause the
 * whole channel (deferrals, not failures), a daemon that is away makes everything wait with the
 * outbox's backoff. Only an unregistered person is given up on, and only a request the daemon
 * cannot understand is rejected.
 */
final class SignalSendResults {
  /** How long to pause when Signal asks for a captcha: a coordinator has to solve it first. */
  static final Duration CAPTCHA_PAUSE = Duration.ofHours(1);

  /** Used when a rate limit says nothing about how long it lasts. */
  static final Duration DEFAULT_RATE_LIMIT_PAUSE = Duration.ofMinutes(1);

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()-]{5,}\\d");

  /**
   * What became of a send.
   *
   * @param outcome what the outbox should do
   * @param captchaToken the challenge token when Signal asked for a captcha ("proof required"),
   *     empty string when it gave none, null when there was no challenge
   */
  record Mapped(SendOutcome outcome, String captchaToken) {
    boolean captcha() {
      return captchaToken != null;
    }
  }

  private SignalSendResults() {}

  static Mapped fromResult(JsonNode result, Instant now) {
    String timestamp = result.path("timestamp").asText();
    JsonNode results = result.path("results");
    boolean anySuccess = false;
    for (JsonNode r : results) {
      anySuccess |= "SUCCESS".equals(r.path("type").asText());
    }
    if (anySuccess || results.isEmpty()) {
      return new Mapped(new SendOutcome.Sent(timestamp), null);
    }
    return fromFailures(results, now);
  }

  static Mapped fromError(SignalRpcException e, Instant now) {
    JsonNode response = e.data().path("response");
    String message = redact(e.getMessage() == null ? "" : e.getMessage());
    String lower = message.toLowerCase(Locale.ROOT);
    JsonNode results = response.path("results");
    String token = tokenIn(results);
    if (token != null
        || e.code() == SignalRpcException.CAPTCHA_REJECTED
        || lower.contains("captcha")
        || lower.contains("proof required")) {
      return captcha(now, token);
    }
    if (e.code() == SignalRpcException.RATE_LIMIT) {
      return rateLimited(now, results);
    }
    if (!results.isEmpty()) {
      return fromFailures(results, now);
    }
    if (e.code() == SignalRpcException.INVALID_PARAMS && lower.contains("account")) {
      // The daemon does not know signal.account: ours to fix, nothing is to be dropped.
      return new Mapped(
          new SendOutcome.Misconfigured("signal-cli does not know the account: " + message), null);
    }
    switch (e.code()) {
      case SignalRpcException.UNTRUSTED_IDENTITY:
        return failed(false, "untrusted identity: " + message);
      case SignalRpcException.PARSE_ERROR:
      case SignalRpcException.INVALID_REQUEST:
      case SignalRpcException.METHOD_NOT_FOUND:
        return new Mapped(new SendOutcome.Rejected("signal-cli: " + message), null);
      case SignalRpcException.USER_ERROR:
        if (lower.contains("unregistered")
            || lower.contains("not found")
            || lower.contains("not a member")) {
          return new Mapped(new SendOutcome.Unreachable(message), null);
        }
        return new Mapped(new SendOutcome.Rejected("signal-cli: " + message), null);
      default:
        // the daemon is away, or misconfigured (unknown account): everything waits, nothing is lost
        return failed(true, "signal-cli: " + message);
    }
  }

  private static Mapped fromFailures(JsonNode results, Instant now) {
    String token = tokenIn(results);
    if (token != null) {
      return captcha(now, token);
    }
    boolean allUnregistered = true;
    for (JsonNode r : results) {
      String type = r.path("type").asText();
      if ("RATE_LIMIT_FAILURE".equals(type)) {
        return rateLimited(now, results);
      }
      allUnregistered &= "UNREGISTERED_FAILURE".equals(type);
    }
    if (allUnregistered) {
      return new Mapped(new SendOutcome.Unreachable("not registered on Signal"), null);
    }
    return failed(false, "send failed: " + results.get(0).path("type").asText());
  }

  private static Mapped rateLimited(Instant now, JsonNode results) {
    long seconds = 0;
    for (JsonNode r : results) {
      seconds = Math.max(seconds, r.path("retryAfterSeconds").asLong(0));
    }
    Duration pause = seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_RATE_LIMIT_PAUSE;
    return new Mapped(
        new SendOutcome.Deferred(now.plus(pause), true, true, "rate limited by Signal"), null);
  }

  private static Mapped captcha(Instant now, String token) {
    SendOutcome pause =
        new SendOutcome.Deferred(now.plus(CAPTCHA_PAUSE), true, true, "Signal asks for a captcha");
    return new Mapped(pause, token == null ? "" : token);
  }

  private static Mapped failed(boolean wholeChannel, String reason) {
    return new Mapped(new SendOutcome.Failed(reason, wholeChannel), null);
  }

  /** The proof-required challenge token of a failed recipient, or null when none was asked. */
  private static String tokenIn(JsonNode results) {
    for (JsonNode r : results) {
      if (r.hasNonNull("token") && !r.get("token").asText().isBlank()) {
        return r.get("token").asText();
      }
    }
    return null;
  }

  /**
   * An error text of signal-cli without the numbers and uuids it may name ({@code Unregistered user
   * "+1555..."}), so it can go into the outbox and the log.
   */
  static String redact(String text) {
    return PHONE.matcher(UUID.matcher(text).replaceAll("<uuid>")).replaceAll("<number>");
  }
}
