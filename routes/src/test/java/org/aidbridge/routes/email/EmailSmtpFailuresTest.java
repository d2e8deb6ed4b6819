package org.aidbridge.routes.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import org.aidbridge.bot.outbox.SendOutcome;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

class EmailSmtpFailuresTest {
  private final SmtpFailures failures = new SmtpFailures();

  @Test
  void permanentRecipientRejectionMakesThePersonUnreachable() throws Exception {
    InternetAddress gone = new InternetAddress("gone@example.org");
    SendFailedException e = rejected(gone, 550);

    assertThat(failures.outcome(e))
        .isInstanceOfSatisfying(
            SendOutcome.Unreachable.class, u -> assertThat(u.reason()).doesNotContain("@"));
  }

  @Test
  void temporaryRecipientRejectionRetriesThatRecipientOnly() throws Exception {
    SendFailedException e = rejected(new InternetAddress("full@example.org"), 452);

    assertThat(failures.outcome(e))
        .isInstanceOfSatisfying(
            SendOutcome.Failed.class, r -> assertThat(r.wholeChannel()).isFalse());
  }

  @Test
  void onlyAReplyThatTheMailboxIsGoneMakesARecipientUnreachable() {
    assertThat(SmtpFailures.ofRecipient(550, "550 5.1.1 <x@example.org>: user unknown"))
        .isInstanceOf(SendOutcome.Unreachable.class);
    assertThat(SmtpFailures.ofRecipient(550, "550 Requested action not taken: mailbox unavailable"))
        .isInstanceOf(SendOutcome.Unreachable.class);
    assertThat(SmtpFailures.ofRecipient(554, "554 5.7.1 Relay access denied"))
        .isInstanceOf(SendOutcome.Misconfigured.class);
    assertThat(SmtpFailures.ofRecipient(530, "530 5.7.0 Authentication required"))
        .isInstanceOf(SendOutcome.Misconfigured.class);
    assertThat(SmtpFailures.ofRecipient(550, "550 5.7.1 Recipient rejected by policy"))
        .isInstanceOfSatisfying(
            SendOutcome.Failed.class, f -> assertThat(f.wholeChannel()).isFalse());
  }

  @Test
  void refusedMessageIsAFailureOfThatMessageAndAPolicyRefusalIsOurs() {
    SMTPSendFailedException spam =
        new SMTPSendFailedException("DATA", 554, "554 5.6.0 spam", null, null, null, null);
    SMTPSendFailedException dmarc =
        new SMTPSendFailedException(
            "DATA", 550, "550 5.7.1 DMARC policy of sender domain", null, null, null, null);

    assertThat(failures.outcome(spam))
        .isInstanceOfSatisfying(
            SendOutcome.Failed.class, f -> assertThat(f.wholeChannel()).isFalse());
    assertThat(failures.outcome(dmarc)).isInstanceOf(SendOutcome.Misconfigured.class);
  }

  @Test
  void unreachableServerFailsTheWholeChannel() {
    MessagingException down =
        new MessagingException("Couldn't connect", new ConnectException("refused"));

    assertThat(failures.outcome(down))
        .isEqualTo(new SendOutcome.Failed("SMTP server unreachable", true));
  }

  @Test
  void failedLoginIsOurConfiguration() {
    assertThat(failures.outcome(new AuthenticationFailedException("535")))
        .isInstanceOf(SendOutcome.Misconfigured.class);
  }

  private static SendFailedException rejected(InternetAddress address, int code) {
    SMTPAddressFailedException cause =
        new SMTPAddressFailedException(address, "RCPT TO", code, code + " no such user");
    return new SendFailedException(
        "Invalid Addresses", cause, new Address[0], new Address[0], new Address[] {address});
  }
}
