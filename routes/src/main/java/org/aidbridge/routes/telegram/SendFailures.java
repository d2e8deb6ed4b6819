package org.aidbridge.routes.telegram;

import java.time.Clock;
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

/**
 * What a failed {@code sendMessage} means for the outbox entry, from Telegram's answer: wait (429
 * with its {@code retry_after}), retry later (network, 5xx), the recipient is gone (403: blocked,
 * kicked), the message can never go (400), or our configuration is wrong (401, 404: the token or
 * the API URL), which pauses the channel until an operator fixes it.
 */
final class SendFailures {
  private static final Logger LOG = LoggerFactory.getLogger(SendFailures.class);

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
      return new SendOutcome.Deferred(
          until, true, true, "Telegram asked to wait " + seconds + " s");
    }
    if (code == 403) {
      return new SendOutcome.Unreachable(description);
    }
    if (code == 400 && params != null && params.getMigrateToChatId() != null) {
      Address moved = Address.group(Channel.TELEGRAM, params.getMigrateToChatId().toString());
      mover.move(to, moved);
      redirect.accept(to.id(), moved.id());
      LOG.info("{} became a supergroup; its messages go to the new chat", to);
      return new SendOutcome.Deferred(now, false, false, "group became a supergroup");
    }
    if (code == 400) {
      LOG.warn("Telegram refused outbox entry {}: {}", entry.id(), description);
      return new SendOutcome.Rejected(description);
    }
    if (code == 401 || code == 404) {
      return new SendOutcome.Misconfigured(
          "Telegram refuses the bot (" + code + "): check the token and telegram.api.url");
    }
    // 5xx: Telegram itself is unwell, not this message.
    return new SendOutcome.Failed(description, code >= 500);
  }

  SendOutcome ofNetwork(TelegramApiException e, OutboxEntry entry) {
    String why = e.getCause() != null ? e.getCause().getClass().getSimpleName() : e.getMessage();
    LOG.debug("could not reach Telegram for outbox entry {} ({})", entry.id(), why);
    return new SendOutcome.Failed("network: " + why.toLowerCase(Locale.ROOT), true);
  }
}
