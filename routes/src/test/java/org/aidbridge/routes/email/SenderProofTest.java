package org.aidbridge.routes.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.routes.config.Settings;
import org.junit.jupiter.api.Test;

/** Coordinator mail is believed only with the secret or a trusted server's DKIM/DMARC pass. */
class SenderProofTest {
  private static final String SECRET = "wild-orchid-7731";
  private final SenderProof proof = new SenderProof(SECRET, Set.of("mx.relief.example"));

  @Test
  void theSecretProvesTheSenderAndNeverTravelsOn() throws Exception {
    MimeMessage mail = mail("coordinator@relief.example");

    SenderProof.Verdict verdict =
        proof.check(
            mail,
            "coordinator@relief.example",
            "broadcast all Storm tonight " + SECRET,
            "x " + SECRET);

    assertThat(verdict.authenticated()).isTrue();
    assertThat(verdict.text()).isEqualTo("broadcast all Storm tonight").doesNotContain(SECRET);
    assertThat(verdict.subject()).isEqualTo("x");
  }

  @Test
  void aForgedFromWithoutProofIsNotBelieved() throws Exception {
    assertThat(
            proof
                .check(
                    mail("coordinator@relief.example"), "coordinator@relief.example", "stats", null)
                .authenticated())
        .isFalse();
    assertThat(
            proof
                .check(
                    mail("coordinator@relief.example"),
                    "coordinator@relief.example",
                    "stats wild-orchid",
                    null)
                .authenticated())
        .isFalse();
  }

  @Test
  void aTrustedServersAlignedDkimOrDmarcPassProvesTheSender() throws Exception {
    MimeMessage dkim = mail("coordinator@relief.example");
    dkim.addHeader(
        "Authentication-Results",
        "mx.relief.example;\r\n dkim=pass header.d=relief.example header.s=sel1; spf=pass smtp.mailfrom=relief.example");
    MimeMessage dmarcSubdomain = mail("coordinator@lists.relief.example");
    dmarcSubdomain.addHeader(
        "Authentication-Results",
        "mx.relief.example 1; dmarc=pass (p=reject) header.from=relief.example");

    assertThat(proof.check(dkim, "coordinator@relief.example", "stats", null).authenticated())
        .isTrue();
    assertThat(
            proof
                .check(dmarcSubdomain, "coordinator@lists.relief.example", "stats", null)
                .authenticated())
        .isTrue();
  }

  @Test
  void resultsFromAnUntrustedServerOrForAnotherDomainOrFailingProveNothing() throws Exception {
    MimeMessage untrusted = mail("coordinator@relief.example");
    untrusted.addHeader(
        "Authentication-Results", "evil.example; dkim=pass header.d=relief.example");
    MimeMessage otherDomain = mail("coordinator@relief.example");
    otherDomain.addHeader(
        "Authentication-Results", "mx.relief.example; dkim=pass header.d=evil.example");
    MimeMessage failed = mail("coordinator@relief.example");
    failed.addHeader(
        "Authentication-Results", "mx.relief.example; dkim=fail header.d=relief.example");

    for (MimeMessage mail : new MimeMessage[] {untrusted, otherDomain, failed}) {
      assertThat(proof.check(mail, "coordinator@relief.example", "stats", null).authenticated())
          .isFalse();
    }
  }

  @Test
  void translatedMailCarriesTheVerdictAndTheCleanedText() throws Exception {
    SenderProof configured =
        SenderProof.from(
            Settings.of(Map.of("coordinator.secret", SECRET, "email.trusted.authserv", "")));
    MailTranslator translator =
        new MailTranslator(
            Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC), configured);
    MimeMessage mail = mail("coordinator@relief.example");
    mail.setText("stats " + SECRET, "UTF-8");
    mail.saveChanges();

    InboundMessage message = translator.translate(mail);

    assertThat(message.senderAuthenticated()).isTrue();
    assertThat(message.text()).isEqualTo("stats");
    assertThat(new MailTranslator(Clock.systemUTC()).translate(mail).senderAuthenticated())
        .isFalse();
  }

  private static MimeMessage mail(String from) throws Exception {
    MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
    mail.setFrom(from);
    mail.setRecipients(jakarta.mail.Message.RecipientType.TO, "aid@relief.example");
    mail.setSubject("coordination");
    mail.setText("stats", "UTF-8");
    mail.setHeader("Message-ID", "<m-" + from.hashCode() + "@relief.example>");
    return mail;
  }
}
