package org.aidbridge.routes.email;

import static org.aidbridge.routes.email.MailFixtures.mail;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutoMailTest {
  private static final String BOT = "aid@localhost";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "auto-reply.eml",
        "bounce.eml",
        "mailing-list.eml",
        "precedence-bulk.eml",
        "x-autoreply.eml"
      })
  void mailWrittenByAMachineIsRecognised(String fixture) throws MessagingException {
    assertThat(AutoMail.reason(mail(fixture), BOT)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain-need.eml",
        "html-only.eml",
        "reply-with-quote.eml",
        "outlook-reply.eml",
        "auto-submitted-no.eml",
        "persian-reply.eml"
      })
  void mailWrittenByAPersonIsAnswered(String fixture) throws MessagingException {
    assertThat(AutoMail.reason(mail(fixture), BOT)).isEmpty();
  }

  @Test
  void emptyReturnPathIsABounce() throws MessagingException {
    MimeMessage mail = mail("plain-need.eml");
    mail.setHeader("Return-Path", "<>");

    assertThat(AutoMail.reason(mail, BOT)).contains("empty return path (a bounce)");
  }

  @Test
  void postmasterIsAMachine() throws MessagingException {
    MimeMessage mail = mail("plain-need.eml");
    mail.setHeader("From", "Postmaster <POSTMASTER@example.org>");

    assertThat(AutoMail.reason(mail, BOT)).contains("sent by postmaster");
  }

  @Test
  void mailFromTheBotItselfIsNeverAnswered() throws MessagingException {
    MimeMessage mail = mail("plain-need.eml");
    mail.setHeader("From", "AidBridge <Aid@Localhost>");

    assertThat(AutoMail.reason(mail, BOT)).contains("sent by the bot itself");
  }

  @Test
  void reasonNamesNoAddress() throws MessagingException {
    assertThat(AutoMail.reason(mail("bounce.eml"), BOT).orElseThrow()).doesNotContain("@");
  }
}
