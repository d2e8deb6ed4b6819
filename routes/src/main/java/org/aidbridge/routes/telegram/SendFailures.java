package org.aidbridge.routes.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.outbox.SendOutcome;
import org.aidbridge.bot.store.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** What a failed {@code sendMessage} means for the outbox entry, from Telegram's answer. */
final class SendFailures {
  private static final Logger LOG = LoggerFactory.getLogger(SendFailures.class);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

  private final Clock clock;
  private final RateLimiter limiter;
  private final BiConsumer<String, String> redirect;
  private final TelegramSender.GroupMover mover;

  SendFailures(
      Clock clock,
      RateLimiter limiter,
      BiConsumer<String, String> redirect,
      TelegramSender.GroupMover mover) {
    this.clock = clock;
    this.limiter = limiter;
    this.redirect = redirect;
    this.mover = mover;
  }

  SendOutcome ofRequest(TelegramApiRequestException e, OutboxEntry entry, Address to) {
    int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
    String description = e.getApiResponse() == null ? e.getMessage() : e.getApiResponse();
    ResponseParameters params = e.getParameters();
    Instant now = clock.instant();
    if (code == 429) {
      int seconds = params != null && params.getRetryAfter() != null ? params.getRetryAfter() : 1;
      Instant until = now.plusSeconds(seconds);
      limiter.pauseUntil(until);
      return new SendOutcome.RetryAt(until, true, "Telegram asked to wait " + seconds + " s");
    }
    if (code == 403) {
      return new SendOutcome.Unreachable(description);
    }
    if (code == 400 && params != null && params.getMigrateToChatId() != null) {
      Address moved = Address.group(Channel.TELEGRAM, params.getMigrateToChatId().toString());
      mover.move(to, moved);
      redirect.accept(to.id(), moved.id());
      LOG.info("{} became a supergroup; its messages go to the new chat", to);
      return new SendOutcome.RetryAt(now, false, "group became a supergroup");
    }
    if (code == 400) {
      LOG.warn("Telegram refused outbox entry {}: {}", entry.id(), description);
      return new SendOutcome.Rejected(description);
    }
    if (code == 401 || code == 404) {
      // A wrong token or API URL: nothing can be sent until an operator fixes it.
      LOG.error("Telegram refuses the bot ({}): check telegram.token and telegram.api.url", code);
      return new SendOutcome.RetryAt(now.plus(backoff(entry.attempts())), true, description);
    }
    return new SendOutcome.RetryAt(now.plus(backoff(entry.attempts())), false, description);
  }

  SendOutcome ofNetwork(TelegramApiException e, OutboxEntry entry) {
    Instant retry = clock.instant().plus(backoff(entry.attempts()));
    String why = e.getCause() != null ? e.getCause().getClass().getSimpleName() : e.getMessage();
    LOG.warn(
        "could not reach Telegram for outbox entry {} ({}), retrying at {}",
        entry.id(),
        why,
        retry);
    return new SendOutcome.RetryAt(retry, false, "network: " + why.toLowerCase(Locale.ROOT));
  }

  /** 2, 4, 8 ... seconds, at most ten minutes. */
  static Duration backoff(int attempts) {
    long seconds = 1L << Math.min(Math.max(attempts, 0) + 1, 20);
    Duration d = Duration.ofSeconds(seconds);
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }
}
