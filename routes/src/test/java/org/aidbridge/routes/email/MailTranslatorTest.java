package org.aidbridge.routes.email;

import static org.aidbridge.routes.email.MailFixtures.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.junit.jupiter.api.Test;

class MailTranslatorTest {
  private static final Instant NOW = Instant.parse("2024-06-03T10:00:00Z");
  private final MailTranslator translator = new MailTranslator(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void plainMailBecomesAPrivateMessageFromTheLowerCasedSender() {
    InboundMessage message = translator.translate(mail("plain-need.eml"));

    assertThat(message.channel()).isEqualTo(Channel.EMAIL);
    assertThat(message.sender()).isEqualTo(Address.person(Channel.EMAIL, "ana@example.org"));
    assertThat(message.group()).isNull();
    assertThat(message.channelMessageId()).startsWith("<CAF1plain@mail.example.org> from:");
    assertThat(message.subject()).isEqualTo("insulin");
    assertThat(message.text()).isEqualTo("I need insulin in Portland, urgent.\n\nThanks,\nAna");
    assertThat(message.replyTo()).isNull();
    assertThat(message.addressedToBot()).isTrue();
    assertThat(message.receivedAt()).isEqualTo(NOW);
  }

  @Test
  void htmlOnlyMailIsReadAsText() {
    InboundMessage message = translator.translate(mail("html-only.eml"));

    assertThat(message.text())
        .isEqualTo(
            "I can give 2 bags of rice in Oakland & some beans.\n\n"
                + "Pick up any day\nafter 5pm\n\nCafé on the corner <3");
  }

  @Test
  void alternativeMailIsReadFromItsPlainTextInItsCharset() {
    InboundMessage message = translator.translate(mail("alternative.eml"));

    assertThat(message.text()).isEqualTo("Puedo dar pañales y ropa de niño en Madrid.");
  }

  @Test
  void mixedMailIsReadFromItsHtmlAndNotFromItsAttachment() {
    InboundMessage message = translator.translate(mail("mixed-html-attachment.eml"));

    assertThat(message.text()).isEqualTo("I need a phone charger in Seattle.");
  }

  @Test
  void replyIsTiedToTheBotsMailAndLosesTheQuote() {
    InboundMessage message = translator.translate(mail("reply-with-quote.eml"));

    assertThat(message.replyTo()).isEqualTo("aidbridge.12.a1b2c3@localhost");
    assertThat(message.text())
        .isEqualTo(
            "Thank you, can we meet at the library tomorrow at noon? I will bring a cool bag.")
        .doesNotContain("insulin");
  }

  @Test
  void htmlReplyLosesTheQuoteMailProgramsWrapInBlockquotes() {
    InboundMessage message = translator.translate(mail("html-reply-gmail.eml"));

    assertThat(message.text()).isEqualTo("See you at noon.");
    assertThat(message.replyTo()).isEqualTo("aidbridge.12.a1b2c3@localhost");
  }

  @Test
  void replyWithOnlyReferencesIsTiedToTheLastOne() {
    InboundMessage message = translator.translate(mail("reply-references-only.eml"));

    assertThat(message.replyTo()).isEqualTo("aidbridge.7.ffee00@localhost");
    assertThat(message.text()).isEqualTo("done N-7K2");
  }

  @Test
  void outlookReplyLosesTheOriginalMessageBlock() {
    InboundMessage message = translator.translate(mail("outlook-reply.eml"));

    assertThat(message.text()).isEqualTo("Yes I can drop it off on Friday.\n\nGus");
  }

  @Test
  void spanishReplyLosesThePhoneSignatureAndTheQuote() {
    InboundMessage message = translator.translate(mail("spanish-reply-iphone.eml"));

    assertThat(message.text()).isEqualTo("Gracias, ya los tengo.");
  }

  @Test
  void persianReplyLosesTheQuoteAndKeepsItsEncodedSubject() {
    InboundMessage message = translator.translate(mail("persian-reply.eml"));

    assertThat(message.text()).isEqualTo("متشکرم از کمک شما.");
    assertThat(message.subject()).isEqualTo("پاسخ: نیاز: انسولین");
  }

  @Test
  void subjectIsTheTextWhenTheBodyIsEmpty() {
    InboundMessage message = translator.translate(mail("subject-only-need.eml"));

    assertThat(message.text()).isEqualTo("NEED: insulin in Portland");
    assertThat(message.subject()).isEqualTo("NEED: insulin in Portland");
  }

  @Test
  void needOrOfferSubjectIsPutInFrontOfTheBodyWithoutTheSignature() {
    InboundMessage message = translator.translate(mail("subject-form-with-body.eml"));

    assertThat(message.text())
        .isEqualTo("OFFER: rice\n\nTwo bags, in Oakland. Pick up on weekends.")
        .doesNotContain("555-0100");
  }

  @Test
  void mailWithoutMessageIdGetsTheSameStableIdEveryTime() {
    String first = translator.translate(mail("no-message-id.eml")).channelMessageId();
    String second = translator.translate(mail("no-message-id.eml")).channelMessageId();

    assertThat(first).startsWith("sha256:").isEqualTo(second);
    assertThat(first).isNotEqualTo(translator.translate(mail("plain-need.eml")).channelMessageId());
  }

  @Test
  void unknownCharsetIsReadAsUtf8() {
    assertThat(translator.translate(mail("unknown-charset.eml")).text())
        .isEqualTo("I need water in Flint.");
  }

  @Test
  void hugeMailIsCut() throws Exception {
    jakarta.mail.internet.MimeMessage huge = mail("plain-need.eml");
    huge.setText("I need water in Flint. " + "x".repeat(50_000), "UTF-8");
    huge.saveChanges();

    assertThat(translator.translate(huge).text())
        .startsWith("I need water in Flint.")
        .hasSize(MailTranslator.MAX_TEXT_CHARS);
  }

  @Test
  void mailWithoutSenderIsUnreadableWithoutQuotingAnyAddress() {
    assertThatThrownBy(() -> translator.translate(mail("no-sender.eml")))
        .isInstanceOf(MailTranslator.UnreadableMailException.class)
        .message()
        .doesNotContain("@");
  }

  @Test
  void subjectOfAnAnswerIsNeverReadAgain() {
    assertThat(MailTranslator.textToRead("Re: Match found for N-7K2: insulin", "", false))
        .isEmpty();
    assertThat(MailTranslator.textToRead("Re: NEED: water", "thanks", false)).isEqualTo("thanks");
    assertThat(MailTranslator.textToRead("NEED: water", "thanks", true)).isEqualTo("thanks");
  }

  @Test
  void subjectOfANewMailIsReadWhenTheBodyIsEmptyOrItIsANeedOrOffer() {
    assertThat(MailTranslator.textToRead("help", "", false)).isEqualTo("help");
    assertThat(MailTranslator.textToRead("Fwd: need: water", "in Flint", false))
        .isEqualTo("need: water\n\nin Flint");
    assertThat(MailTranslator.textToRead("hello", "I need water", false)).isEqualTo("I need water");
  }
}
