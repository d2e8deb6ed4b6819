package org.aidbridge.routes.email;

import static org.aidbridge.routes.email.EmailHarness.BOT;
import static org.aidbridge.routes.email.Mailboxes.header;
import static org.aidbridge.routes.email.Mailboxes.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The email channel end to end: GreenMail, the real store and bot, mail in and mail out. */
class EmailChannelIT {
  private static final String ANA = "ana@example.org";
  private static final String BEN = "ben@example.net";

  @RegisterExtension static final EmailWorld EMAIL = new EmailWorld();

  private Mailboxes mailboxes;
  private EmailHarness bot;

  @BeforeEach
  void setUp() {
    mailboxes = EMAIL.mailboxes();
    bot = EMAIL.bot();
  }

  @Test
  void needAndMatchingOfferFromTwoPeopleBothHearOfTheMatchWithoutTheOtherAddress()
      throws Exception {
    bot.start();
    mailboxes.send(mailboxes.compose(ANA, "NEED: insulin in Portland", ""));
    await().until(() -> hasMailWithSubject(ANA, "Re: NEED: insulin"));
    mailboxes.send(mailboxes.compose(BEN, "OFFER: insulin", "in Portland, any time this week"));

    await()
        .until(
            () -> hasMailWithSubject(ANA, "Match found") && hasMailWithSubject(BEN, "Match found"));

    for (MimeMessage mail : mailboxes.inboxOf(ANA)) {
      assertThat(raw(mail)).doesNotContainIgnoringCase(BEN);
      assertSentByTheBot(mail);
    }
    for (MimeMessage mail : mailboxes.inboxOf(BEN)) {
      assertThat(raw(mail)).doesNotContainIgnoringCase(ANA);
      assertSentByTheBot(mail);
    }
  }

  @Test
  void answerToAMatchNoticeReachesTheOtherPersonWithoutAddressOrQuote() throws Exception {
    bot.start();
    mailboxes.send(mailboxes.compose(ANA, "insulin", "I need insulin in Portland"));
    mailboxes.send(mailboxes.compose(BEN, "insulin", "I can give insulin in Portland"));
    await().until(() -> mailWithSubject(ANA, "Match found").isPresent());
    MimeMessage notice = mailWithSubject(ANA, "Match found").orElseThrow();

    MimeMessage answer =
        mailboxes.compose(
            ANA,
            "Re: " + notice.getSubject(),
            "Can we meet at the library at noon?\n\nOn Tuesday AidBridge <"
                + BOT
                + "> wrote:\n"
                + "> "
                + notice.getContent().toString().replace("\n", "\n> "));
    answer.setHeader("In-Reply-To", notice.getMessageID());
    mailboxes.send(answer);

    await().until(() -> mailWithText(BEN, "Can we meet at the library at noon?").isPresent());
    MimeMessage relayed = mailWithText(BEN, "Can we meet at the library at noon?").orElseThrow();
    assertThat(raw(relayed)).doesNotContainIgnoringCase(ANA).doesNotContain("Good news");
    assertSentByTheBot(relayed);
  }

  @Test
  void unreadableMailIsMarkedSeenAndDoesNotStopTheOthers() throws Exception {
    bot.start();
    MimeMessage noSender = MailFixtures.mail("no-sender.eml");
    mailboxes.send(noSender);
    mailboxes.send(mailboxes.compose(BEN, "OFFER: rice in Oakland", ""));

    await().until(() -> !mailboxes.inboxOf(BEN).isEmpty());
    await().until(() -> mailboxes.inBotInbox() == 2 && mailboxes.unseenInBotInbox() == 0);
  }

  @Test
  void answerIsThreadedUnderTheMailItAnswers() throws Exception {
    bot.start();
    MimeMessage need = mailboxes.compose(ANA, "NEED: insulin in Portland", "");
    mailboxes.send(need);

    await().until(() -> !mailboxes.inboxOf(ANA).isEmpty());

    MimeMessage answer = mailboxes.inboxOf(ANA).get(0);
    assertThat(answer.getSubject()).isEqualTo("Re: NEED: insulin in Portland");
    assertThat(header(answer, "In-Reply-To")).isEqualTo(need.getMessageID());
    assertThat(header(answer, "References")).contains(need.getMessageID());
    assertThat(header(answer, "Auto-Submitted")).isEqualTo("auto-replied");
    assertThat(bot.store().activeListingsOf(person(ANA)))
        .singleElement()
        .extracting(Listing::kind)
        .isEqualTo(Kind.NEED);
  }

  @Test
  void persianMailIsReadAndAnsweredInUtf8() throws Exception {
    bot.start();
    mailboxes.send(mailboxes.compose(ANA, "نیاز: انسولین در تهران", "لطفا کمک کنید"));

    await().until(() -> !mailboxes.inboxOf(ANA).isEmpty());

    MimeMessage answer = mailboxes.inboxOf(ANA).get(0);
    assertThat(answer.getSubject()).isEqualTo("Re: نیاز: انسولین در تهران");
    assertThat(answer.getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(bot.store().activeListingsOf(person(ANA)))
        .singleElement()
        .satisfies(listing -> assertThat(listing.kind()).isEqualTo(Kind.NEED));
  }

  @Test
  void htmlOnlyMailIsUnderstood() throws Exception {
    bot.start();
    mailboxes.send(mailboxes.fixture("html-only.eml", BEN));

    await().until(() -> !bot.store().activeListingsOf(person(BEN)).isEmpty());

    assertThat(bot.store().activeListingsOf(person(BEN)))
        .singleElement()
        .satisfies(listing -> assertThat(listing.kind()).isEqualTo(Kind.OFFER));
    await().until(() -> !mailboxes.inboxOf(BEN).isEmpty());
  }

  @Test
  void replyQuotingAnEarlierMessageCreatesNoListingFromTheQuote() throws Exception {
    bot.start();
    mailboxes.send(mailboxes.compose(ANA, "NEED: insulin in Portland", ""));
    await().until(() -> mailboxes.inboxOf(ANA).size() == 1);
    MimeMessage confirmation = mailboxes.inboxOf(ANA).get(0);

    MimeMessage reply =
        mailboxes.compose(
            ANA,
            "Re: " + confirmation.getSubject(),
            "Thank you!\n\nOn Mon, 3 Jun 2024 at 10:20, AidBridge <"
                + BOT
                + "> wrote:\n"
                + "> I also need diapers in Portland\n> Saved your need.\n");
    reply.setHeader("In-Reply-To", confirmation.getMessageID());
    reply.setHeader("References", confirmation.getMessageID());
    mailboxes.send(reply);

    await().until(() -> mailboxes.inBotInbox() == 2 && mailboxes.unseenInBotInbox() == 0);
    awaitOutboxSent();

    assertThat(bot.store().activeListingsOf(person(ANA)))
        .singleElement()
        .satisfies(listing -> assertThat(listing.text()).contains("insulin"));
  }

  @Test
  void automaticReplyGetsNoAnswerAndIsMarkedSeen() throws Exception {
    bot.start();
    mailboxes.send(mailboxes.fixture("auto-reply.eml", ANA));
    await().until(() -> mailboxes.inBotInbox() == 1 && mailboxes.unseenInBotInbox() == 0);

    // A mail from someone else afterwards is answered: the bot was running when it saw the first.
    mailboxes.send(mailboxes.compose(BEN, "offer: rice", "2 bags in Oakland"));
    await().until(() -> !mailboxes.inboxOf(BEN).isEmpty());
    awaitOutboxSent();

    assertThat(mailboxes.inboxOf(ANA)).isEmpty();
    assertThat(bot.store().activeListingsOf(person(ANA))).isEmpty();
    assertThat(mailboxes.unseenInBotInbox()).isZero();
  }

  @Test
  void sameMailDeliveredTwiceIsHandledOnce() throws Exception {
    MimeMessage need = mailboxes.compose(ANA, "NEED: insulin in Portland", "urgent");
    mailboxes.send(need);
    mailboxes.send(need);
    assertThat(mailboxes.inBotInbox()).isEqualTo(2);

    bot.start();
    await().until(() -> mailboxes.unseenInBotInbox() == 0 && !mailboxes.inboxOf(ANA).isEmpty());
    awaitOutboxSent();

    assertThat(mailboxes.inboxOf(ANA)).hasSize(1);
    assertThat(bot.store().activeListingsOf(person(ANA))).hasSize(1);
  }

  @Test
  void botStoppedBetweenFetchingAndStoringAMailLosesNothing() throws Exception {
    mailboxes.send(mailboxes.compose(ANA, "NEED: insulin in Portland", "urgent"));
    AtomicInteger fetched = new AtomicInteger();
    bot.start(
        exchange -> {
          fetched.incrementAndGet();
          throw new IllegalStateException("the power went out before the mail was stored");
        });
    await().until(() -> fetched.get() >= 1);
    bot.close();

    assertThat(mailboxes.unseenInBotInbox()).isEqualTo(1);
    bot.start();
    await().until(() -> mailboxes.unseenInBotInbox() == 0 && !mailboxes.inboxOf(ANA).isEmpty());
    awaitOutboxSent();

    assertThat(bot.store().activeListingsOf(person(ANA))).hasSize(1);
    assertThat(mailboxes.inboxOf(ANA)).hasSize(1);
  }

  @Test
  void aMailLongerThanTheBotReadsIsAnsweredOnceWithAShortNoteButNotAnAutomaticOne()
      throws Exception {
    bot.start();
    MimeMessage automatic =
        mailboxes.compose(BEN, "Daily report", "need: insulin in Portland\n" + filler(100_000));
    automatic.setHeader("Auto-Submitted", "auto-generated");
    mailboxes.send(automatic);
    mailboxes.send(
        mailboxes.compose(ANA, "Help", "need: insulin in Portland, urgent\n" + filler(100_000)));

    await().until(() -> !mailboxes.inboxOf(ANA).isEmpty() && mailboxes.unseenInBotInbox() == 0);
    awaitOutboxSent();

    assertThat(mailboxes.inboxOf(ANA))
        .singleElement()
        .satisfies(m -> assertThat(raw(m)).contains("read only its first part"));
    assertThat(bot.store().activeListingsOf(person(ANA))).hasSize(1);
    assertThat(mailboxes.inboxOf(BEN)).isEmpty();
  }

  @Test
  void aShortMailAboveALongQuotedThreadGetsNoNote() throws Exception {
    bot.start();
    String quoted = filler(100_000).replaceAll("(?m)^", "> ");
    mailboxes.send(
        mailboxes.compose(
            ANA,
            "Re: rice",
            "offer: 2 bags of rice in Oakland\n\nOn Monday Ben wrote:\n" + quoted));

    await().until(() -> !mailboxes.inboxOf(ANA).isEmpty());
    awaitOutboxSent();

    assertThat(mailboxes.inboxOf(ANA))
        .singleElement()
        .satisfies(m -> assertThat(raw(m)).doesNotContain("first part"));
  }

  @Test
  void attachmentsAreAnsweredWithOneShortNoteButNotInAnAutomaticMailNorForASignatureOrLogo()
      throws Exception {
    String cara = "cara@example.org";
    String dora = "dora@example.org";
    bot.start();
    // Only a photo, as a phone's mail program sends it: an empty text part and the picture.
    mailboxes.send(withFile(mailboxes.compose(ANA, "", ""), "image/jpeg", "IMG_0042.jpg"));
    // A need with a document attached.
    mailboxes.send(
        withFile(
            mailboxes.compose(cara, "NEED: insulin in Portland", "urgent, see the prescription"),
            "application/pdf",
            "prescription.pdf"));
    MimeMessage automatic = mailboxes.compose(BEN, "Daily report", "need: insulin in Portland");
    automatic.setHeader("Auto-Submitted", "auto-generated");
    mailboxes.send(withFile(automatic, "application/pdf", "report.pdf"));
    // An HTML mail showing its signature's logo, PGP-signed: nothing the person attached.
    mailboxes.send(signedWithALogo(dora, "OFFER: rice in Oakland"));

    await()
        .until(
            () ->
                mailboxes.unseenInBotInbox() == 0
                    && !mailboxes.inboxOf(ANA).isEmpty()
                    && !mailboxes.inboxOf(cara).isEmpty()
                    && !mailboxes.inboxOf(dora).isEmpty());
    awaitOutboxSent();

    String note = "I did not open what you attached";
    assertThat(mailboxes.inboxOf(ANA))
        .singleElement()
        .satisfies(m -> assertThat(text(m)).contains(note).doesNotContain("NEED"));
    assertThat(mailboxes.inboxOf(cara))
        .singleElement()
        .satisfies(m -> assertThat(text(m)).containsOnlyOnce(note));
    assertThat(bot.store().activeListingsOf(person(cara))).hasSize(1);
    assertThat(mailboxes.inboxOf(dora))
        .singleElement()
        .satisfies(m -> assertThat(text(m)).doesNotContain(note));
    assertThat(bot.store().activeListingsOf(person(dora))).hasSize(1);
    assertThat(mailboxes.inboxOf(BEN)).isEmpty();
  }

  /** The mail with a file attached after its text, as mail programs send it. */
  private static MimeMessage withFile(MimeMessage mail, String type, String name) throws Exception {
    jakarta.mail.internet.MimeMultipart mixed = new jakarta.mail.internet.MimeMultipart("mixed");
    jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
    text.setText(mail.getContent().toString(), "UTF-8");
    mixed.addBodyPart(text);
    mixed.addBodyPart(file(type, name, jakarta.mail.Part.ATTACHMENT));
    mail.setContent(mixed);
    mail.saveChanges();
    return mail;
  }

  private static jakarta.mail.internet.MimeBodyPart file(String type, String name, String how)
      throws Exception {
    jakarta.mail.internet.MimeBodyPart file = new jakarta.mail.internet.MimeBodyPart();
    byte[] bytes = new byte[4096];
    new java.util.Random(7).nextBytes(bytes);
    file.setDataHandler(
        new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(bytes, type)));
    file.setFileName(name);
    file.setDisposition(how);
    file.setHeader("Content-Transfer-Encoding", "base64");
    return file;
  }

  /**
   * multipart/signed over multipart/related (HTML and the logo it shows, inline) and a PGP
   * signature, as Thunderbird sends a signed HTML mail with a picture in its signature.
   */
  private MimeMessage signedWithALogo(String from, String subject) throws Exception {
    MimeMessage mail = mailboxes.compose(from, subject, "");
    jakarta.mail.internet.MimeMultipart related =
        new jakarta.mail.internet.MimeMultipart("related");
    jakarta.mail.internet.MimeBodyPart html = new jakarta.mail.internet.MimeBodyPart();
    html.setContent(
        "<p>2 bags of rice in Oakland</p><p><img src=\"cid:logo\"></p>",
        "text/html; charset=UTF-8");
    related.addBodyPart(html);
    jakarta.mail.internet.MimeBodyPart logo =
        file("image/png", "logo.png", jakarta.mail.Part.INLINE);
    logo.setContentID("<logo>");
    related.addBodyPart(logo);
    jakarta.mail.internet.MimeBodyPart body = new jakarta.mail.internet.MimeBodyPart();
    body.setContent(related);
    jakarta.mail.internet.MimeBodyPart signature = new jakarta.mail.internet.MimeBodyPart();
    signature.setContent(
        "-----BEGIN PGP SIGNATURE-----\n\niQEzBAEBCAAdFiEE\n-----END PGP SIGNATURE-----\n",
        "application/pgp-signature");
    signature.setFileName("OpenPGP_signature.asc");
    signature.setDisposition(jakarta.mail.Part.ATTACHMENT);
    jakarta.mail.internet.MimeMultipart signed =
        new jakarta.mail.internet.MimeMultipart(
            "signed; micalg=pgp-sha256; protocol=\"application/pgp-signature\"");
    signed.addBodyPart(body);
    signed.addBodyPart(signature);
    mail.setContent(signed);
    mail.saveChanges();
    return mail;
  }

  /** A mail's text as its reader sees it. */
  private static String text(MimeMessage mail) {
    try {
      return mail.getContent().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** About {@code chars} characters of lines that mean nothing to the bot. */
  private static String filler(int chars) {
    StringBuilder text = new StringBuilder();
    while (text.length() < chars) {
      text.append("log line ").append(text.length()).append(" status nominal\n");
    }
    return text.toString();
  }

  private Optional<MimeMessage> mailWithSubject(String address, String subjectStart) {
    return mailboxes.inboxOf(address).stream().filter(m -> hasSubject(m, subjectStart)).findFirst();
  }

  private Optional<MimeMessage> mailWithText(String address, String text) {
    return mailboxes.inboxOf(address).stream().filter(m -> raw(m).contains(text)).findFirst();
  }

  private static boolean hasSubject(MimeMessage mail, String subjectStart) {
    try {
      return mail.getSubject().startsWith(subjectStart);
    } catch (jakarta.mail.MessagingException e) {
      return false;
    }
  }

  private boolean hasMailWithSubject(String address, String subjectStart) {
    return mailWithSubject(address, subjectStart).isPresent();
  }

  private void awaitOutboxSent() {
    Store store = bot.store();
    await()
        .until(
            () ->
                store
                    .dueOutbox(Channel.EMAIL, Instant.now().plus(Duration.ofDays(1)), 1)
                    .isEmpty());
  }

  private static void assertSentByTheBot(MimeMessage mail) throws Exception {
    assertThat(header(mail, "From")).contains(BOT);
    assertThat(header(mail, "Auto-Submitted")).isEqualTo("auto-replied");
    assertThat(mail.getMessageID()).matches("<aidbridge\\.\\d+\\.[0-9a-f]+@localhost>");
  }

  private static Address person(String address) {
    return Address.person(Channel.EMAIL, address);
  }
}
