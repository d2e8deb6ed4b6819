package org.aidbridge.routes.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Choice;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.OutboxStatus;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.aidbridge.routes.config.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailComposerTest {
  private static final Instant NOW = Instant.parse("2024-06-03T10:00:00Z");
  private static final Address ANA = Address.person(Channel.EMAIL, "ana@example.org");

  private final EmailSettings settings =
      EmailSettings.from(
          Settings.of(
              Map.of(
                  "imap.url", "imap://127.0.0.1:3143",
                  "smtp.url", "smtp://127.0.0.1:3025",
                  "email.address", "aid@relief.example",
                  "email.password", "secret")));
  private final Store store = SqliteStore.open(":memory:");
  private final MailTokens tokens = MailTokens.of(store);
  private final MailComposer composer =
      new MailComposer(
          Session.getInstance(new Properties()),
          settings,
          Clock.fixed(NOW, ZoneOffset.UTC),
          tokens);

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void mailToASubscribedListSaysHowToUnsubscribeAndOnlyThen() throws Exception {
    Address list = Address.group(Channel.EMAIL, "east-bay@lists.example.org");

    MimeMessage toList =
        composer.compose(entry(7, OutboundMessage.to(list, "Match in your area", "en"))).mail();
    MimeMessage toPerson =
        composer.compose(entry(8, OutboundMessage.to(ANA, "Saved your need", "en"))).mail();

    assertThat(toList.getHeader("List-Unsubscribe")[0])
        .isEqualTo("<mailto:aid@relief.example?subject=unsubscribe%20east-bay@lists.example.org>");
    assertThat(toList.getHeader("Precedence")[0]).isEqualTo("list");
    assertThat(toPerson.getHeader("List-Unsubscribe")).isNull();
  }

  @Test
  void mailComesFromTheBotWithItsOwnMessageIdAndAutoSubmitted() throws Exception {
    MailComposer.Composed composed =
        composer.compose(entry(42, OutboundMessage.to(ANA, "Saved your need N-7K2.", "en")));
    MimeMessage mail = composed.mail();

    assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("aid@relief.example");
    assertThat(((InternetAddress) mail.getAllRecipients()[0]).getAddress())
        .isEqualTo("ana@example.org");
    assertThat(composed.messageId()).matches("aidbridge\\.42\\.[0-9a-f]{40}@relief\\.example");
    assertThat(mail.getHeader("Message-ID")[0]).isEqualTo("<" + composed.messageId() + ">");
    assertThat(mail.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
    assertThat(mail.getHeader("X-Auto-Response-Suppress")[0]).isEqualTo("OOF, AutoReply");
    assertThat(mail.getHeader("In-Reply-To")).isNull();
    assertThat(mail.getSubject()).isEqualTo("A message from AidBridge");
    assertThat(mail.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
    assertThat(mail.getContent()).isEqualTo("Saved your need N-7K2.");
  }

  @Test
  void theMessageIdCarriesTheRecipientsTokenTheSameOnEverySend() throws Exception {
    Address ben = Address.person(Channel.EMAIL, "ben@example.org");
    String first = composer.compose(entry(42, OutboundMessage.to(ANA, "x", "en"))).messageId();
    String again = composer.compose(entry(42, OutboundMessage.to(ANA, "y", "en"))).messageId();
    String toBen = composer.compose(entry(42, OutboundMessage.to(ben, "x", "en"))).messageId();
    String otherRow = composer.compose(entry(43, OutboundMessage.to(ANA, "x", "en"))).messageId();

    assertThat(again).as("a resend after a crash is the same mail").isEqualTo(first);
    assertThat(toBen).isNotEqualTo(first);
    assertThat(otherRow).isNotEqualTo(first);
    String rebuilt = MailTokens.of(store).messageId(42, "ANA@example.org", "relief.example");
    assertThat(rebuilt).as("same key, address case ignored").isEqualTo(first);
    try (Store other = SqliteStore.open(":memory:")) {
      assertThat(MailTokens.of(other).messageId(42, ANA.id(), "relief.example"))
          .as("another installation's key")
          .isNotEqualTo(first);
    }
  }

  @Test
  void answerIsThreadedAndGetsReOnlyOnce() throws Exception {
    OutboundMessage answer =
        OutboundMessage.to(ANA, "ok", "en")
            .withSubject("Re: insulin")
            .inReplyTo("CAF1plain@mail.example.org");

    MimeMessage mail = composer.compose(entry(1, answer)).mail();

    assertThat(mail.getHeader("In-Reply-To")[0]).isEqualTo("<CAF1plain@mail.example.org>");
    assertThat(mail.getHeader("References")[0]).isEqualTo("<CAF1plain@mail.example.org>");
    assertThat(mail.getSubject()).isEqualTo("Re: insulin");
  }

  @Test
  void answerWithoutReGetsIt() throws Exception {
    OutboundMessage answer =
        OutboundMessage.to(ANA, "ok", "es").withSubject("Necesito arroz").inReplyTo("x@y");

    assertThat(composer.compose(entry(1, answer)).mail().getSubject())
        .isEqualTo("Re: Necesito arroz");
  }

  @Test
  void defaultSubjectIsInTheRecipientsLanguage() throws Exception {
    assertThat(composer.compose(entry(1, OutboundMessage.to(ANA, "x", "fa"))).mail().getSubject())
        .isEqualTo("پیامی از AidBridge");
    assertThat(composer.compose(entry(1, OutboundMessage.to(ANA, "x", "es"))).mail().getSubject())
        .isEqualTo("Un mensaje de AidBridge");
  }

  @Test
  void choicesBecomeReplyWithLines() throws Exception {
    OutboundMessage question =
        OutboundMessage.to(ANA, "What kind of help is N-7K2?", "en")
            .withChoices(List.of(new Choice("Medicine", "medicine"), new Choice("Food", "food")));

    assertThat(composer.compose(entry(1, question)).mail().getContent())
        .isEqualTo("What kind of help is N-7K2?\n\nReply with: medicine\nReply with: food\n");
  }

  @Test
  void nonAsciiTextAndSubjectAreEncodedAsUtf8() throws Exception {
    OutboundMessage message =
        OutboundMessage.to(ANA, "نیاز شما ثبت شد", "fa").withSubject("نیاز: انسولین");
    MimeMessage mail = composer.compose(entry(1, message)).mail();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    mail.writeTo(raw);
    String wire = raw.toString(StandardCharsets.US_ASCII);

    assertThat(wire).contains("Subject: =?UTF-8?").doesNotContain("نیاز");
    assertThat(mail.getSubject()).isEqualTo("نیاز: انسولین");
    assertThat(mail.getContent()).isEqualTo("نیاز شما ثبت شد");
  }

  private static OutboxEntry entry(long id, OutboundMessage message) {
    return new OutboxEntry(id, message, OutboxStatus.PENDING, NOW, NOW, 0, null);
  }
}
