package org.aidbridge.routes.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.aidbridge.bot.outbox.SendOutcome;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * What an SMTP failure means for the outbox. A 5xx rejection of the recipient is final; a 5xx
 * rejection of the message is final for that message only; anything that looks like the server or
 * the network being unwell is retried later, with growing pauses, for the whole channel.
 */
final class SmtpFailures {
  private static final Duration FIRST_PAUSE = Duration.ofSeconds(15);
  private static final Duration LONGEST_PAUSE = Duration.ofMinutes(15);

  private final Clock clock;

  SmtpFailures(Clock clock) {
    this.clock = clock;
  }

  SendOutcome outcome(MessagingException e, int attempts) {
    SMTPAddressFailedException recipient = find(e, SMTPAddressFailedException.class);
    if (recipient != null) {
      return recipient.getReturnCode() >= 500
          ? new SendOutcome.Unreachable("recipient rejected (" + recipient.getReturnCode() + ")")
          : retry(attempts, false, "recipient deferred (" + recipient.getReturnCode() + ")");
    }
    if (e instanceof AddressException) {
      return new SendOutcome.Rejected("not a valid address");
    }
    if (e instanceof SendFailedException failed && hasInvalidAddresses(failed)) {
      return new SendOutcome.Unreachable("recipient rejected");
    }
    SMTPSendFailedException refused = find(e, SMTPSendFailedException.class);
    if (refused != null && refused.getReturnCode() >= 500) {
      return new SendOutcome.Rejected("message refused (" + refused.getReturnCode() + ")");
    }
    if (e instanceof AuthenticationFailedException) {
      return retry(attempts, true, "SMTP login failed: check email.username and the password");
    }
    boolean network = find(e, IOException.class) != null;
    return retry(
        attempts, true, network ? "SMTP server unreachable" : e.getClass().getSimpleName());
  }

  private SendOutcome retry(int attempts, boolean wholeChannel, String reason) {
    return new SendOutcome.RetryAt(clock.instant().plus(pause(attempts)), wholeChannel, reason);
  }

  /** 15 s, 30 s, 1 min ... at most 15 minutes. */
  static Duration pause(int attempts) {
    Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(Math.max(attempts, 0), 10));
    return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
  }

  private static boolean hasInvalidAddresses(SendFailedException failed) {
    return failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0;
  }

  /** The first exception of that type in the chain, following jakarta.mail's own nesting too. */
  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    Throwable current = e;
    for (int depth = 0; current != null && depth < 10; depth++) {
      if (type.isInstance(current)) {
        return type.cast(current);
      }
      Throwable next = current.getCause();
      if (next == null && current instanceof MessagingException m) {
        next = m.getNextException();
      }
      current = next;
    }
    return null;
  }
}
