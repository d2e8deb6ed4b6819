package org.aidbridge.routes.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Proof;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.aidbridge.routes.config.Settings;
import org.junit.jupiter.api.Test;

/**
 * What a mail proves: a trusted server's DKIM/DMARC pass on top of the mail, an answer carrying the
 * token of the bot's mail to that address, or (for coordinator commands only) the secret.
 */
class SenderProofTest {
  private static final String SECRET = "wild-orchid-7731";
  private final SenderProof proof = new SenderProof(SECRET, Set.of("mx.relief.example"));

  @Test
  void theSecretShowsACoordinatorWroteAndNeverTravelsOn() throws Exception {
    MimeMessage mail = mail("coordinator@relief.example");

    SenderProof.Verdict verdict =
        proof.check(
            mail,
            "coordinator@relief.example",
            "broadcast all Storm tonight " + SECRET,
            "x " + SECRET);

    assertThat(verdict.proof()).isEqualTo(Proof.COORDINATOR_SECRET);
    assertThat(verdict.text()).isEqualTo("broadcast all Storm tonight").doesNotContain(SECRET);
    assertThat(verdict.subject()).isEqualTo("x");
  }

  @Test
  void aForgedFromWithoutProofIsNotBelieved() throws Exception {
    assertThat(verdictOn(mail("coordinator@relief.example"), "stats")).isEqualTo(Proof.NONE);
    assertThat(verdictOn(mail("coordinator@relief.example"), "stats wild-orchid"))
        .isEqualTo(Proof.NONE);
  }

  @Test
  void aTrustedServersAlignedDkimOrDmarcPassOnTopProvesTheSender() throws Exception {
    MimeMessage dkim =
        onTop(
            mail("coordinator@relief.example"),
            "mx.relief.example;\r\n dkim=pass header.d=relief.example header.s=sel1;"
                + " spf=pass smtp.mailfrom=relief.example");
    MimeMessage dmarcSubdomain =
        onTop(
            mail("coordinator@lists.relief.example"),
            "mx.relief.example 1; dmarc=pass (p=reject) header.from=relief.example");

    assertThat(verdictOn(dkim, "stats")).isEqualTo(Proof.MAIL_SERVER);
    assertThat(
            proof.check(dmarcSubdomain, "coordinator@lists.relief.example", "stats", null).proof())
        .isEqualTo(Proof.MAIL_SERVER);
  }

  @Test
  void theReceivingServersHeaderCountsBelowTraceHeadersAddedOnTheWayIn() throws Exception {
    MimeMessage delivered =
        onTop(
            mail("coordinator@relief.example"),
            "mx.relief.example; dkim=pass header.d=relief.example");
    delivered = onTop(delivered, "by imap.relief.example with LMTP; Fri, 1 May 2026", "Received");
    delivered = onTop(delivered, "<coordinator@relief.example>", "Return-Path");

    assertThat(verdictOn(delivered, "stats")).isEqualTo(Proof.MAIL_SERVER);
  }

  @Test
  void wordsTheSenderChoseInsideTheTrustedHeaderProveNothing() throws Exception {
    // The receiving server copies values the sender picked (the envelope sender, the HELO name,
    // a reverse DNS name) into its own header: none of them is a verdict.
    String[] written = {
      "mx.relief.example; spf=pass smtp.mailfrom=\"x; dkim=pass header.d=relief.example\"@evil.example;"
          + " dkim=none; dmarc=fail header.from=relief.example",
      "mx.relief.example; spf=none smtp.helo=dkim=pass.header.d=relief.example; dkim=none",
      "mx.relief.example; iprev=pass smtp.remote-ip=192.0.2.7"
          + " (dmarc=pass header.from=relief.example); dkim=none",
      "mx.relief.example; dkim=fail (dkim=pass header.d=relief.example) header.d=relief.example"
    };
    for (String header : written) {
      assertThat(verdictOn(onTop(mail("coordinator@relief.example"), header), "stats"))
          .as(header)
          .isEqualTo(Proof.NONE);
    }
    MimeMessage real =
        onTop(
            mail("coordinator@relief.example"),
            "mx.relief.example; spf=pass smtp.mailfrom=\"a;b\"@relief.example;"
                + " dkim = pass (2048-bit key; unprotected) header.i=@relief.example"
                + " header.d=relief.example; dmarc=pass (p=none dis=none) header.from=relief.example");
    assertThat(verdictOn(real, "stats")).isEqualTo(Proof.MAIL_SERVER);
  }

  @Test
  void aCopyOfTheTrustedServersHeaderLowerInTheMailCountsForNothing() throws Exception {
    MimeMessage amongTheSendersHeaders = mail("coordinator@relief.example");
    amongTheSendersHeaders.addHeader(
        "Authentication-Results", "mx.relief.example; dkim=pass header.d=relief.example");
    MimeMessage belowTheRealOne =
        onTop(
            amongTheSendersHeaders,
            "mx.relief.example; dkim=none; dmarc=fail header.from=relief.example");

    assertThat(verdictOn(amongTheSendersHeaders, "stats")).isEqualTo(Proof.NONE);
    assertThat(verdictOn(belowTheRealOne, "stats")).isEqualTo(Proof.NONE);
  }

  @Test
  void resultsFromAnUntrustedServerOrForAnotherDomainOrFailingProveNothing() throws Exception {
    MimeMessage untrusted =
        onTop(
            mail("coordinator@relief.example"), "evil.example; dkim=pass header.d=relief.example");
    MimeMessage otherDomain =
        onTop(
            mail("coordinator@relief.example"),
            "mx.relief.example; dkim=pass header.d=evil.example");
    MimeMessage failed =
        onTop(
            mail("coordinator@relief.example"),
            "mx.relief.example; dkim=fail header.d=relief.example");

    for (MimeMessage mail : new MimeMessage[] {untrusted, otherDomain, failed}) {
      assertThat(verdictOn(mail, "stats")).isEqualTo(Proof.NONE);
    }
  }

  @Test
  void translatedMailCarriesTheVerdictAndTheCleanedText() throws Exception {
    SenderProof configured =
        SenderProof.from(
            Settings.of(Map.of("coordinator.secret", SECRET, "email.trusted.authserv", "")));
    try (Store store = SqliteStore.open(":memory:")) {
      MailTranslator translator =
          new MailTranslator(
              Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC),
              configured,
              MailTokens.of(store));
      MimeMessage mail = mail("coordinator@relief.example");
      mail.setText("stats " + SECRET, "UTF-8");
      mail.saveChanges();

      InboundMessage message = translator.translate(mail);

      assertThat(message.senderProof()).isEqualTo(Proof.COORDINATOR_SECRET);
      assertThat(message.text()).isEqualTo("stats");
      assertThat(new MailTranslator(Clock.systemUTC()).translate(mail).senderProof())
          .isEqualTo(Proof.NONE);
    }
  }

  @Test
  void anAnswerCarryingTheTokenOfAMailToThatAddressProvesTheMailbox() throws Exception {
    try (Store store = SqliteStore.open(":memory:")) {
      MailTokens tokens = MailTokens.of(store);
      MailTranslator translator = new MailTranslator(Clock.systemUTC(), SenderProof.NONE, tokens);
      Address ana = Address.person(Channel.EMAIL, "ana@relief.example");
      long id = store.enqueue(OutboundMessage.to(ana, "Match found", "en"), Instant.now()).id();
      String toAna = tokens.messageId(id, ana.id(), "relief.example");
      store.markSent(id, toAna, Instant.now());

      MimeMessage answer = mail("ana@relief.example");
      answer.setHeader("In-Reply-To", "<" + toAna + ">");
      MimeMessage inReferencesOnly = mail("ana@relief.example");
      inReferencesOnly.setHeader("References", "<older@x.example> <" + toAna + ">");
      MimeMessage fromSomeoneElse = mail("eve@relief.example");
      fromSomeoneElse.setHeader("In-Reply-To", "<" + toAna + ">");
      MimeMessage guessed = mail("ana@relief.example");
      guessed.setHeader(
          "In-Reply-To", "<aidbridge." + id + "." + "0".repeat(40) + "@relief.example>");

      assertThat(translator.translate(answer).senderProof()).isEqualTo(Proof.MAILBOX_ANSWER);
      assertThat(translator.translate(inReferencesOnly).senderProof())
          .isEqualTo(Proof.MAILBOX_ANSWER);
      assertThat(translator.translate(fromSomeoneElse).senderProof()).isEqualTo(Proof.NONE);
      assertThat(translator.translate(guessed).senderProof()).isEqualTo(Proof.NONE);
      store.forget(ana);
      assertThat(translator.translate(answer).senderProof())
          .as("a mail the bot no longer keeps proves nothing")
          .isEqualTo(Proof.NONE);
    }
  }

  @Test
  void theTokenOfAMailToAListProvesNoOneEveryMemberSawIt() throws Exception {
    try (Store store = SqliteStore.open(":memory:")) {
      MailTokens tokens = MailTokens.of(store);
      MailTranslator translator = new MailTranslator(Clock.systemUTC(), SenderProof.NONE, tokens);
      Address list = Address.group(Channel.EMAIL, "aid@lists.relief.example");
      long id = store.enqueue(OutboundMessage.to(list, "Announcement", "en"), Instant.now()).id();
      String toList = tokens.messageId(id, list.id(), "relief.example");
      store.markSent(id, toList, Instant.now());

      MimeMessage asTheList = mail("aid@lists.relief.example");
      asTheList.setHeader("In-Reply-To", "<" + toList + ">");

      assertThat(translator.translate(asTheList).senderProof()).isEqualTo(Proof.NONE);
    }
  }

  private Proof verdictOn(MimeMessage mail, String text) throws Exception {
    return proof
        .check(mail, mail.getFrom()[0].toString().replaceAll(".*<|>.*", ""), text, null)
        .proof();
  }

  /** The mail with an Authentication-Results header above all others, as a server adds it. */
  private static MimeMessage onTop(MimeMessage mail, String results) throws Exception {
    return onTop(mail, results, "Authentication-Results");
  }

  private static MimeMessage onTop(MimeMessage mail, String value, String name) throws Exception {
    mail.saveChanges();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    raw.write((name + ": " + value + "\r\n").getBytes(StandardCharsets.UTF_8));
    mail.writeTo(raw);
    return new MimeMessage(
        Session.getInstance(new Properties()), new ByteArrayInputStream(raw.toByteArray()));
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
