package org.aidbridge.routes.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.aidbridge.bot.outbox.SendOutcome;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

class EmailSmtpFailuresTest {
  private static final Instant NOW = Instant.parse("2024-06-03T10:00:00Z");
  private final SmtpFailures failures = new SmtpFailures(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void permanentRecipientRejectionMakesThePersonUnreachable() throws Exception {
    InternetAddress gone = new InternetAddress("gone@example.org");
    SendFailedException e = rejected(gone, 550);

    assertThat(failures.outcome(e, 0))
        .isInstanceOfSatisfying(
            SendOutcome.Unreachable.class, u -> assertThat(u.reason()).doesNotContain("@"));
  }

  @Test
  void temporaryRecipientRejectionRetriesThatRecipientOnly() throws Exception {
    SendFailedException e = rejected(new InternetAddress("full@example.org"), 452);

    assertThat(failures.outcome(e, 0))
        .isInstanceOfSatisfying(
            SendOutcome.RetryAt.class, r -> assertThat(r.wholeChannel()).isFalse());
  }

  @Test
  void refusedMessageIsRejectedAlone() {
    SMTPSendFailedException e =
        new SMTPSendFailedException("DATA", 554, "554 spam", null, null, null, null);

    assertThat(failures.outcome(e, 0)).isInstanceOf(SendOutcome.Rejected.class);
  }

  @Test
  void unreachableServerPausesTheChannelWithGrowingPauses() {
    MessagingException down =
        new MessagingException("Couldn't connect", new ConnectException("refused"));

    SendOutcome first = failures.outcome(down, 0);
    SendOutcome third = failures.outcome(down, 2);

    assertThat(first)
        .isInstanceOfSatisfying(
            SendOutcome.RetryAt.class,
            r -> {
              assertThat(r.wholeChannel()).isTrue();
              assertThat(r.notBefore()).isEqualTo(NOW.plusSeconds(15));
            });
    assertThat(((SendOutcome.RetryAt) third).notBefore()).isEqualTo(NOW.plusSeconds(60));
    assertThat(SmtpFailures.pause(50)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void failedLoginPausesTheChannel() {
    assertThat(failures.outcome(new AuthenticationFailedException("535"), 0))
        .isInstanceOfSatisfying(
            SendOutcome.RetryAt.class, r -> assertThat(r.wholeChannel()).isTrue());
  }

  private static SendFailedException rejected(InternetAddress address, int code) {
    SMTPAddressFailedException cause =
        new SMTPAddressFailedException(address, "RCPT TO", code, code + " no such user");
    return new SendFailedException(
        "Invalid Addresses", cause, new Address[0], new Address[0], new Address[] {address});
  }
}
