package org.aidbridge.routes.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aidbridge.bot.outbox.SendOutcome;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What an SMTP failure means for the outbox, from the reply code and its enhanced status code (RFC
 * 3463). Only a reply that says this mailbox does not exist (550 5.1.1 and the like) makes a
 * recipient unreachable. A refusal that is about us — relaying denied, authentication required or
 * failed, our sender refused — is our configuration: the channel pauses and nothing is lost. A
 * passing failure (4xx, a server or network away) is retried by the outbox's backoff.
 */
final class SmtpFailures {
  private static final Pattern ENHANCED =
      Pattern.compile("\\b([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");
  private static final Pattern MAILBOX_GONE =
      Pattern.compile(
          "no such (user|mailbox|recipient)|user unknown|unknown user|mailbox (unavailable|not"
              + " found|does not exist)|does not exist|recipient address rejected: user unknown");
  private static final Pattern ABOUT_US =
      Pattern.compile("relay|authenticat|not logged in|sender|spf|dkim|dmarc|not owned");

  SendOutcome outcome(MessagingException e) {
    if (e instanceof AuthenticationFailedException) {
      return new SendOutcome.Misconfigured(
          "SMTP login failed: check email.username and the password");
    }
    SMTPSenderFailedException sender = find(e, SMTPSenderFailedException.class);
    if (sender != null) {
      return sender.getReturnCode() >= 500
          ? new SendOutcome.Misconfigured(
              "the SMTP server refuses the bot's sender (" + reply(sender) + ")")
          : new SendOutcome.Failed("sender deferred (" + sender.getReturnCode() + ")", true);
    }
    SMTPAddressFailedException recipient = find(e, SMTPAddressFailedException.class);
    if (recipient != null) {
      return ofRecipient(recipient.getReturnCode(), recipient.getMessage());
    }
    if (e instanceof AddressException) {
      return new SendOutcome.Rejected("not a valid address");
    }
    if (e instanceof SendFailedException failed && hasInvalidAddresses(failed)) {
      // Refused by the client itself (a malformed address), not by a server.
      return new SendOutcome.Rejected("recipient address refused");
    }
    SMTPSendFailedException refused = find(e, SMTPSendFailedException.class);
    if (refused != null) {
      return ofMessage(refused.getReturnCode(), refused.getMessage());
    }
    boolean network = find(e, IOException.class) != null;
    return new SendOutcome.Failed(
        network ? "SMTP server unreachable" : e.getClass().getSimpleName(), true);
  }

  /** A reply to RCPT TO. */
  static SendOutcome ofRecipient(int code, String text) {
    String why = "recipient refused (" + code + enhanced(text) + ")";
    if (code < 500) {
      return new SendOutcome.Failed(why, false);
    }
    if (mailboxGone(text)) {
      return new SendOutcome.Unreachable(why);
    }
    if (aboutUs(text) || code == 530) {
      return new SendOutcome.Misconfigured("the SMTP server " + why + ": relaying or login");
    }
    // Some other refusal of this recipient (a policy, a full quota said as 5xx): not proof that
    // the mailbox is gone. Counted as a failure, so it ends as a dead letter a coordinator sees.
    return new SendOutcome.Failed(why, false);
  }

  /** A reply to DATA or to the message's end. */
  static SendOutcome ofMessage(int code, String text) {
    String why = "message refused (" + code + enhanced(text) + ")";
    if (code < 500) {
      return new SendOutcome.Failed(why, false);
    }
    if (aboutUs(text) || code == 530) {
      return new SendOutcome.Misconfigured("the SMTP server " + why + ": relaying or login");
    }
    return new SendOutcome.Failed(why, false);
  }

  /** 5.1.1 bad mailbox, 5.1.10 null MX, 5.2.1 disabled, 5.1.6 moved; or the words for it. */
  private static boolean mailboxGone(String text) {
    Matcher m = ENHANCED.matcher(text == null ? "" : text);
    if (m.find()) {
      String code = m.group(2) + "." + m.group(3);
      if (code.equals("1.1") || code.equals("1.10") || code.equals("2.1") || code.equals("1.6")) {
        return true;
      }
      if (m.group(2).equals("7") || code.equals("1.8") || code.equals("1.7")) {
        return false; // policy, security, or our sender's address
      }
    }
    return MAILBOX_GONE.matcher(lower(text)).find();
  }

  private static boolean aboutUs(String text) {
    Matcher m = ENHANCED.matcher(text == null ? "" : text);
    if (m.find()) {
      String code = m.group(2) + "." + m.group(3);
      if (code.equals("7.1") && !lower(text).contains("recipient")
          || code.equals("7.0")
          || code.equals("7.8")
          || code.equals("1.7")
          || code.equals("1.8")) {
        return true;
      }
    }
    return ABOUT_US.matcher(lower(text)).find();
  }

  /** The enhanced status code of a reply, as " 5.1.1", or nothing: no address, no free text. */
  private static String enhanced(String text) {
    Matcher m = ENHANCED.matcher(text == null ? "" : text);
    return m.find() ? " " + m.group() : "";
  }

  private static String reply(SendFailedException e) {
    int code = e instanceof SMTPSenderFailedException s ? s.getReturnCode() : 0;
    return code + enhanced(e.getMessage());
  }

  private static String lower(String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT);
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
