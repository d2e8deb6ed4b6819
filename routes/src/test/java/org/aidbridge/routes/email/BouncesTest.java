package org.aidbridge.routes.email;

import static org.aidbridge.routes.email.MailFixtures.mail;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A permanent bounce of the bot's own mail marks its recipient unreachable; nothing else does. */
class BouncesTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final Address GONE = Address.person(Channel.EMAIL, "gone@example.org");

  private final Store store = SqliteStore.open(":memory:");
  private final MailIntake intake =
      new MailIntake(
          new MailTranslator(Clock.fixed(NOW, ZoneOffset.UTC)), null, "aid@localhost", store);

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
    long id = store.enqueue(OutboundMessage.to(GONE, "Match found", "en"), NOW).id();
    store.markSent(id, "aidbridge.5.abcdef123456@localhost", NOW);

    assertThat(intake.translate(mail("bounce-of-our-mail.eml"))).isEmpty();

    assertThat(store.isUnreachable(GONE)).isTrue();
  }

  @Test
  void aBounceNamingAMailWeNeverSentChangesNothing() throws Exception {
    long id = store.enqueue(OutboundMessage.to(GONE, "Match found", "en"), NOW).id();
    store.markSent(id, "aidbridge.9.000000000000@localhost", NOW);

    intake.translate(mail("bounce-of-our-mail.eml"));

    assertThat(store.isUnreachable(GONE)).isFalse();
  }
}
