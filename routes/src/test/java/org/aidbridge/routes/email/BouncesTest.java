package org.aidbridge.routes.email;

import static org.aidbridge.routes.email.MailFixtures.mail;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A permanent bounce of the bot's own mail marks its recipient unreachable; nothing else does: not
 * a bounce without the recipient's token, and never a list's.
 */
class BouncesTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final Address GONE = Address.person(Channel.EMAIL, "gone@example.org");

  private final Store store = SqliteStore.open(":memory:");
  private final MailTokens tokens = MailTokens.of(store);
  private final MailIntake intake =
      new MailIntake(
          new MailTranslator(Clock.fixed(NOW, ZoneOffset.UTC)),
          null,
          "aid@localhost",
          store,
          tokens);

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void readsOnlyThePermanentFailuresAndTheBouncedMessageId() throws Exception {
    Bounces.Bounce bounce = Bounces.read(mail("bounce-of-our-mail.eml"));

    assertThat(bounce.messageId()).isEqualTo("aidbridge.5.abcdef123456@localhost");
    assertThat(bounce.failedRecipients()).containsExactly("gone@example.org");
    assertThat(Bounces.read(mail("bounce.eml")))
        .as("no returned headers: not ours to judge")
        .isNull();
    assertThat(Bounces.read(mail("plain-need.eml"))).isNull();
  }

  @Test
  void aBounceOfOurMailMarksItsRecipientUnreachableAndIsNotAnswered() throws Exception {
    String sent = sentTo(GONE);

    assertThat(intake.translate(bounceNaming(sent))).isEmpty();

    assertThat(store.isUnreachable(GONE)).isTrue();
  }

  @Test
  void aBounceNamingAMailWeNeverSentChangesNothing() throws Exception {
    sentTo(GONE);

    intake.translate(mail("bounce-of-our-mail.eml"));

    assertThat(store.isUnreachable(GONE)).isFalse();
  }

  @Test
  void aForgedBounceWithoutTheRecipientsTokenChangesNothing() throws Exception {
    String sent = sentTo(GONE);
    long outboxId = Long.parseLong(sent.split("\\.")[1]);
    String guessed = "aidbridge." + outboxId + "." + "0".repeat(40) + "@localhost";
    String anothersToken = tokens.messageId(outboxId, "someone@example.org", "localhost");

    intake.translate(bounceNaming(guessed));
    intake.translate(bounceNaming(anothersToken));

    assertThat(store.isUnreachable(GONE)).isFalse();
  }

  @Test
  void noBounceSilencesAListWhoseEveryMemberSawItsMessageId() throws Exception {
    Address list = Address.group(Channel.EMAIL, "gone@example.org");
    long id = store.enqueue(OutboundMessage.to(list, "Match in your area", "en"), NOW).id();
    String sent = tokens.messageId(id, list.id(), "localhost");
    store.markSent(id, sent, NOW);

    intake.translate(bounceNaming(sent));

    assertThat(store.isUnreachable(list)).isFalse();
  }

  /** Queues and "sends" a mail to {@code to}, as the sender would: the Message-ID it got. */
  private String sentTo(Address to) {
    long id = store.enqueue(OutboundMessage.to(to, "Match found", "en"), NOW).id();
    String messageId = tokens.messageId(id, to.id(), "localhost");
    store.markSent(id, messageId, NOW);
    return messageId;
  }

  /** The fixture bounce, naming {@code messageId} as the bounced mail's. */
  private static MimeMessage bounceNaming(String messageId) throws Exception {
    String raw =
        new String(MailFixtures.raw("bounce-of-our-mail.eml"), StandardCharsets.US_ASCII)
            .replace("aidbridge.5.abcdef123456@localhost", messageId);
    return new MimeMessage(
        Session.getInstance(new Properties()),
        new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
  }
}
