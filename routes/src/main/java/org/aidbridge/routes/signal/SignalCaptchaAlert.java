package org.aidbridge.routes.signal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.port.ChannelMemory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the coordinators, through a channel other than Signal, that Signal wants a captcha solved
 * before the bot may send again. Once per pause, so a retry does not repeat the alert.
 */
final class SignalCaptchaAlert {
  private static final Logger LOG = LoggerFactory.getLogger(SignalCaptchaAlert.class);
  static final String TOPIC = "signal:captcha";

  private final ChannelMemory store;
  private final Set<Address> coordinators;
  private final Clock clock;
  private final String account;
  private Instant quietUntil = Instant.MIN;

  SignalCaptchaAlert(ChannelMemory store, Set<Address> coordinators, Clock clock, String account) {
    this.store = store;
    this.coordinators = Set.copyOf(coordinators);
    this.clock = clock;
    this.account = account == null || account.isBlank() ? "BOT_NUMBER" : account;
  }

  /** Queues the alert to each coordinator reachable elsewhere; returns how many were queued. */
  synchronized int captchaRequired(String token) {
    Instant now = clock.instant();
    if (now.isBefore(quietUntil)) {
      return 0;
    }
    quietUntil = now.plus(SignalSendResults.CAPTCHA_PAUSE);
    List<Address> elsewhere =
        coordinators.stream().filter(c -> c.channel() != Channel.SIGNAL).toList();
    if (elsewhere.isEmpty()) {
      LOG.warn(
          "Signal asks for a captcha and no coordinator is configured on another channel; Signal"
              + " sending stays paused, see docs/signal.md");
      return 0;
    }
    String text = text(token);
    store.inTransaction(
        () ->
            elsewhere.forEach(
                c -> store.enqueue(OutboundMessage.to(c, text, "en").about(TOPIC), now)));
    LOG.warn("Signal asks for a captcha; sending paused, {} coordinator(s) told", elsewhere.size());
    return elsewhere.size();
  }

  private String text(String token) {
    String challenge = token == null || token.isBlank() ? "CHALLENGE_TOKEN" : token;
    return "AidBridge: Signal has paused the bot's sending and asks for a captcha (\"proof"
        + " required\"). Messages waiting for Signal are kept and go out once it is solved.\n"
        + "1. Open https://signalcaptchas.org/challenge/generate.html and solve the captcha.\n"
        + "2. Right-click \"Open Signal\" and copy the link (signalcaptcha://...).\n"
        + "3. On the machine running signal-cli:\n"
        + "   signal-cli -a "
        + account
        + " submitRateLimitChallenge --challenge "
        + challenge
        + " --captcha 'signalcaptcha://...'\n"
        + "Sending is retried within the hour.";
  }
}
