package org.aidbridge.routes.scenario;

import static org.aidbridge.routes.scenario.CrossChannelHarness.BOT_MAIL;
import static org.aidbridge.routes.scenario.CrossChannelHarness.COORDINATOR_MAIL;
import static org.aidbridge.routes.scenario.CrossChannelHarness.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Status;
import org.aidbridge.routes.telegram.Updates;
import org.junit.jupiter.api.Test;

/**
 * The attacks of issue 9, tried as an attacker would: forged {@code From:} lines through the real
 * mail server (GreenMail), a stranger on Telegram through the real TelegramBots client and the fake
 * Bot API. Each is refused; each legitimate path (answering the bot's mail, the coordinator secret,
 * a link proven from both sides) still works. docs/security.md points here.
 */
class IdentityProofIT extends CrossChannelScenarios {
  private static final String CONFIRM = "To be sure it was you";
  private static final long EVE = 7775553331L;
  private static final String EVE_NAME = "eve_tg";
  private static final long ANA_TG = 4445556667L;
  private static final String CLEO = "cleo@example.org";
  private static final Pattern SHOWN_CODE = Pattern.compile("code is ([2-9A-Z]{6})");
  private static final Pattern SENT_CODE = Pattern.compile("link ([2-9A-Z]{6})");

  @Test
  void aCodeMailedWithACoordinatorsForgedFromMakesNoCoordinatorAndBroadcastsNothing()
      throws Exception {
    subscribeSignalGroup(LEE, LEE_NUMBER, NORTHSIDE, "Portland 50");
    h.telegram().queue(Updates.privateText(EVE, EVE_NAME, "en", "/link"));
    await()
        .until(() -> telegramTo(EVE).stream().anyMatch(s -> SHOWN_CODE.matcher(s.text()).find()));
    String code = code(SHOWN_CODE, telegramTo(EVE).get(0).text());

    h.mail().send(COORDINATOR_MAIL, "hi", "link " + code);
    await().until(() -> mailTo(COORDINATOR_MAIL).stream().anyMatch(m -> m.contains(CONFIRM)));
    h.telegram().queue(Updates.privateText(EVE, EVE_NAME, "en", "/stats"));
    h.telegram().queue(Updates.privateText(EVE, EVE_NAME, "en", "/broadcast all Go home now"));
    h.telegram().queue(Updates.privateText(EVE, EVE_NAME, "en", "/broadcast confirm"));
    await()
        .until(
            () ->
                telegramTo(EVE).stream()
                        .filter(s -> s.text().equals("Only coordinators can do that."))
                        .count()
                    == 3);

    awaitOutboxEmpty();
    assertThat(h.store().linkedWith(telegramPerson(EVE))).containsExactly(telegramPerson(EVE));
    assertThat(h.delivered()).noneMatch(d -> d.says("Go home now"));
    assertThat(messages("signal:" + NORTHSIDE, "Announcement")).isEmpty();
    assertThat(mailTo(COORDINATOR_MAIL))
        .singleElement()
        .satisfies(m -> assertThat(m).contains(CONFIRM).doesNotContain("Linked"));
  }

  @Test
  void aForgedWithdrawIsOnlyAQuestionToTheAuthorWhoWithdrawsByAnsweringIt() throws Exception {
    Listing need = anaPostsANeed();

    h.mail().send(ANA, "close it", "withdraw " + need.ref());
    await().until(() -> mailTo(ANA).stream().anyMatch(m -> m.contains(CONFIRM)));
    h.mail().send(ANA, "close it", "done " + need.ref());
    await().until(() -> mailTo(ANA).stream().filter(m -> m.contains(CONFIRM)).count() == 2);
    awaitOutboxEmpty();
    assertThat(status(need)).isEqualTo(Status.OPEN);

    MimeMessage question = mailSaying(ANA, CONFIRM);
    assertThat(PeopleMail.text(question)).contains("withdraw " + need.ref());
    h.mail().send(h.mail().answer(ANA, question, "Yes, that was me."));

    await().until(() -> status(need) == Status.WITHDRAWN);
    await().until(() -> mailTo(ANA).stream().anyMatch(m -> m.contains("Withdrew " + need.ref())));
  }

  @Test
  void theAuthorClosesANeedAtOnceByAnsweringAnyMailTheBotSentThem() throws Exception {
    Listing need = anaPostsANeed();
    MimeMessage saved = h.mail().to(ANA).get(0);

    h.mail().send(h.mail().answer(ANA, saved, "done " + need.ref()));

    await().until(() -> status(need) == Status.FULFILLED);
    assertThat(mailTo(ANA)).noneMatch(m -> m.contains(CONFIRM));
  }

  @Test
  void aForgedForgetAndYesDeleteNothing() throws Exception {
    Listing need = anaPostsANeed();

    h.mail().send(ANA, "bye", "forget");
    await().until(() -> mailTo(ANA).stream().anyMatch(m -> m.contains(CONFIRM)));
    h.mail().send(ANA, "bye", "yes");
    h.mail().send(ANA, "bye", "forget confirm");
    await().until(() -> mailTo(ANA).stream().filter(m -> m.contains(CONFIRM)).count() == 3);

    awaitOutboxEmpty();
    assertThat(status(need)).isEqualTo(Status.OPEN);
    assertThat(mailTo(ANA)).noneMatch(m -> m.contains("deleted"));
  }

  @Test
  void aForgedCoordinatorBroadcastIsConfirmedByNobodyAndTheSecretStillWorks() throws Exception {
    subscribeSignalGroup(LEE, LEE_NUMBER, NORTHSIDE, "Portland 50");

    h.mail().send(COORDINATOR_MAIL, "news", "broadcast all Forged news");
    await().until(() -> mailTo(COORDINATOR_MAIL).stream().anyMatch(m -> m.contains(CONFIRM)));
    h.mail().send(COORDINATOR_MAIL, "news", "broadcast all Real news\n" + SECRET);
    await().until(() -> mailTo(COORDINATOR_MAIL).stream().anyMatch(m -> m.contains("would go")));
    h.mail().send(COORDINATOR_MAIL, "go", SECRET + " broadcast confirm");

    await().until(() -> announced("signal:" + NORTHSIDE));
    assertThat(messages("signal:" + NORTHSIDE, "Announcement"))
        .singleElement()
        .satisfies(m -> assertThat(m.content()).contains("Real news").doesNotContain("Forged"));
  }

  @Test
  void aLinkFromTelegramToAnAddressIsFinishedByTheCodeMailedThere() throws Exception {
    h.telegram().queue(Updates.privateText(BEN, BEN_NAME, "en", "/link email:ben@example.org"));
    await().until(() -> !h.mail().to("ben@example.org").isEmpty());
    String code = code(SENT_CODE, PeopleMail.text(h.mail().to("ben@example.org").get(0)));
    assertThat(telegramTo(BEN)).noneMatch(s -> s.text().contains(code));

    h.telegram().queue(Updates.privateText(BEN, BEN_NAME, "en", "/link " + code));

    Address benMail = emailPerson("ben@example.org");
    await().until(() -> h.store().linkedWith(benMail).contains(telegramPerson(BEN)));
    await().until(() -> mailTo("ben@example.org").stream().anyMatch(m -> m.contains("Linked")));
  }

  @Test
  void aLinkFromMailToTelegramNeedsTheMailboxAndTheTelegramAccountBoth() throws Exception {
    anaPostsANeed();

    h.mail().send(ANA, "link", "link telegram:" + ANA_TG);
    await().until(() -> mailTo(ANA).stream().anyMatch(m -> m.contains(CONFIRM)));
    assertThat(telegramTo(ANA_TG)).as("nothing before the mailbox answered").isEmpty();
    h.mail().send(h.mail().answer(ANA, mailSaying(ANA, CONFIRM), "yes"));
    await().until(() -> !telegramTo(ANA_TG).isEmpty());
    String code = code(SENT_CODE, telegramTo(ANA_TG).get(0).text());

    h.mail().send(h.mail().answer(ANA, mailSaying(ANA, "link code"), "link " + code));

    await().until(() -> h.store().linkedWith(emailPerson(ANA)).contains(telegramPerson(ANA_TG)));
    h.telegram().queue(Updates.privateText(ANA_TG, "ana_tg", "en", "/list"));
    await().until(() -> telegramTo(ANA_TG).stream().anyMatch(s -> s.text().contains("N-")));
  }

  @Test
  void aCoordinatorLinkingTheirOwnTelegramFromTheirMailboxMakesItACoordinator() throws Exception {
    long newPhone = 3332221110L;
    h.mail().send(COORDINATOR_MAIL, "link", "link telegram:" + newPhone + "\n" + SECRET);
    await().until(() -> mailTo(COORDINATOR_MAIL).stream().anyMatch(m -> m.contains(CONFIRM)));
    assertThat(telegramTo(newPhone)).as("the secret proves no person: nothing sent yet").isEmpty();
    h.mail().send(h.mail().answer(COORDINATOR_MAIL, mailSaying(COORDINATOR_MAIL, CONFIRM), "yes"));
    await().until(() -> !telegramTo(newPhone).isEmpty());
    String code = code(SENT_CODE, telegramTo(newPhone).get(0).text());
    h.telegram().queue(Updates.privateText(newPhone, "coord_new", "en", "/stats"));
    await()
        .until(
            () ->
                telegramTo(newPhone).stream()
                    .anyMatch(s -> s.text().equals("Only coordinators can do that.")));

    MimeMessage sent = mailSaying(COORDINATOR_MAIL, "link code");
    h.mail().send(h.mail().answer(COORDINATOR_MAIL, sent, "link " + code));
    await()
        .until(
            () ->
                h.store()
                    .linkedWith(telegramPerson(newPhone))
                    .contains(emailPerson(COORDINATOR_MAIL)));
    h.telegram().queue(Updates.privateText(newPhone, "coord_new", "en", "/stats"));

    await()
        .until(() -> telegramTo(newPhone).stream().anyMatch(s -> s.text().contains("Open needs")));
  }

  @Test
  void onlyABounceCarryingTheRecipientsTokenSilencesThem() throws Exception {
    anaPostsANeed();
    h.mail().send(CLEO, "NEED: rice in Portland", "");
    await().until(() -> !h.mail().to(CLEO).isEmpty());
    String toAna = h.mail().to(ANA).get(0).getMessageID();
    String toCleo = h.mail().to(CLEO).get(0).getMessageID();
    String forged = toAna.replaceFirst("\\.[0-9a-f]{40}@", "." + "0".repeat(40) + "@");
    assertThat(forged).isNotEqualTo(toAna);

    h.mail().send(bounce(ANA, forged));
    h.mail().send(bounce(ANA, toCleo));
    h.mail().send(bounce(CLEO, toCleo));

    await().until(() -> h.store().isUnreachable(emailPerson(CLEO)));
    assertThat(h.store().isUnreachable(emailPerson(ANA))).isFalse();
  }

  @Test
  void aMailWrittenAsASubscribedListProvesNoOneAndCannotEraseTheList() throws Exception {
    Address list = subscribeTheList();
    h.mail().send(COORDINATOR_MAIL, "news", "broadcast all Food at noon\n" + SECRET);
    await().until(() -> mailTo(COORDINATOR_MAIL).stream().anyMatch(m -> m.contains("would go")));
    h.mail().send(COORDINATOR_MAIL, "go", SECRET + " broadcast confirm");
    await().until(() -> !h.mail().to(LIST).isEmpty());
    // Every member of the list got this mail, the list's token in its Message-ID.
    MimeMessage toList = h.mail().to(LIST).get(0);

    h.mail().send(h.mail().answer(LIST, toList, "forget confirm"));
    h.mail().send(h.mail().answer(LIST, toList, "link telegram:" + EVE));
    h.mail().send(CLEO, "hello", "help");
    await().until(() -> !mailTo(CLEO).isEmpty());
    awaitOutboxEmpty();

    assertThat(h.store().subscriptionOf(list)).as("the list is still subscribed").isPresent();
    assertThat(h.mail().to(LIST)).as("nothing mailed to the whole list").hasSize(1);
    assertThat(telegramTo(EVE)).as("no link code for the forger").isEmpty();
  }

  @Test
  void aSubscribedListCannotBeLinkedToAPersonWhoCouldThenEraseIt() throws Exception {
    subscribeTheList();

    h.telegram().queue(Updates.privateText(EVE, EVE_NAME, "en", "/link email:" + LIST));

    await()
        .until(() -> telegramTo(EVE).stream().anyMatch(s -> s.text().contains("cannot be linked")));
    awaitOutboxEmpty();
    assertThat(h.mail().to(LIST)).as("no code mailed to every member of the list").isEmpty();
  }

  @Test
  void aChannelsPostCopiedIntoAGroupIsNoPersonAndCannotActForAnother() throws Exception {
    subscribeTelegramGroup(TG_PORTLAND, "Portland 50");
    Address everyChannel = telegramPerson(777000L);

    // Every channel's post arrives "from" the same account 777000: two channels would be one
    // person.
    h.telegram()
        .queue(Updates.automaticForward(TG_PORTLAND, -1009990001L, "/need blankets in Portland"));
    h.telegram().queue(Updates.groupText(TG_PORTLAND, BEN, BEN_NAME, "/need tents in Portland"));

    await().until(() -> !h.store().activeListingsOf(telegramPerson(BEN)).isEmpty());
    assertThat(h.store().activeListingsOf(everyChannel)).isEmpty();
  }

  @Test
  void aForgedFromCarryingTheForgersOwnTokenSenderAndReplyToIsOnlyAQuestionToTheAuthor()
      throws Exception {
    Listing need = anaPostsANeed();
    String eve = "eve@example.net";
    h.mail().send(eve, "NEED: rice in Portland", "");
    await().until(() -> !h.mail().to(eve).isEmpty());
    MimeMessage toEve = h.mail().to(eve).get(0);

    MimeMessage forged = h.mail().answer(ANA, toEve, "withdraw " + need.ref());
    forged.setHeader("Sender", eve);
    forged.setHeader("Reply-To", eve);
    // The id of the bot's mail to Ana, its token guessed: Eve never saw the real one.
    String guessed =
        h.mail()
            .to(ANA)
            .get(0)
            .getMessageID()
            .replaceFirst("\\.[0-9a-f]{40}@", "." + "0".repeat(40) + "@");
    forged.setHeader("References", guessed + " " + toEve.getMessageID());
    h.mail().send(forged);

    await().until(() -> mailTo(ANA).stream().anyMatch(m -> m.contains(CONFIRM)));
    awaitOutboxEmpty();
    assertThat(status(need)).isEqualTo(Status.OPEN);
    assertThat(h.mail().to(eve)).as("the forger hears nothing").hasSize(1);
  }

  // --- helpers ---

  private Address subscribeTheList() throws Exception {
    h.mail().send(COORDINATOR_MAIL, "list", "subscribe " + LIST + " Portland 50\n\n" + SECRET);
    Address list = Address.group(Channel.EMAIL, LIST);
    await().until(() -> h.store().subscriptionOf(list).isPresent());
    return list;
  }

  private Listing anaPostsANeed() throws Exception {
    h.mail().send(ANA, "NEED: insulin in Portland", "");
    await().until(() -> !h.store().activeListingsOf(emailPerson(ANA)).isEmpty());
    await().until(() -> !h.mail().to(ANA).isEmpty());
    return h.store().activeListingsOf(emailPerson(ANA)).get(0);
  }

  /** The first mail to {@code address} that says {@code words}, once it has arrived. */
  private MimeMessage mailSaying(String address, String words) {
    await()
        .until(
            () -> h.mail().to(address).stream().anyMatch(m -> PeopleMail.text(m).contains(words)));
    return h.mail().to(address).stream()
        .filter(m -> PeopleMail.text(m).contains(words))
        .findFirst()
        .orElseThrow();
  }

  private Status status(Listing listing) {
    return h.store().listingById(listing.id()).orElseThrow().status();
  }

  private static Address telegramPerson(long id) {
    return Address.person(Channel.TELEGRAM, Long.toString(id));
  }

  private static String code(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m.group(1);
  }

  /** A delivery status notification, as a remote server writes it, for a mail to {@code to}. */
  private static MimeMessage bounce(String to, String bouncedMessageId) throws Exception {
    String raw =
        String.join(
            "\r\n",
            "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>",
            "To: " + BOT_MAIL,
            "Subject: Undelivered Mail Returned to Sender",
            "Auto-Submitted: auto-replied",
            "MIME-Version: 1.0",
            "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r2\"",
            "",
            "--r2",
            "Content-Type: text/plain; charset=US-ASCII",
            "",
            "Your message could not be delivered.",
            "--r2",
            "Content-Type: message/delivery-status",
            "",
            "Reporting-MTA: dns; mx.example.org",
            "",
            "Final-Recipient: rfc822; " + to,
            "Action: failed",
            "Status: 5.1.1",
            "--r2",
            "Content-Type: text/rfc822-headers",
            "",
            "From: AidBridge <" + BOT_MAIL + ">",
            "To: " + to,
            "Message-ID: " + bouncedMessageId,
            "--r2--",
            "");
    return new MimeMessage(
        Session.getInstance(new Properties()),
        new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
  }
}
