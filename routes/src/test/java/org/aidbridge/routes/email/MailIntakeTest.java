package org.aidbridge.routes.email;

import static org.aidbridge.routes.email.MailFixtures.mail;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MailIntakeTest {
  private final MailIntake intake =
      new MailIntake(
          new MailTranslator(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)), null, "aid@localhost");

  @Test
  void mailFromAPersonIsHandedOn() {
    assertThat(intake.translate(mail("plain-need.eml")))
        .hasValueSatisfying(m -> assertThat(m.text()).startsWith("I need insulin"));
  }

  @Test
  void automaticMailIsLeftAside() {
    assertThat(intake.translate(mail("auto-reply.eml"))).isEmpty();
    assertThat(intake.translate(mail("bounce.eml"))).isEmpty();
  }

  @Test
  void unreadableMailIsLeftAsideInsteadOfFailingTheRoute() {
    assertThat(intake.translate(mail("no-sender.eml"))).isEmpty();
  }
}
