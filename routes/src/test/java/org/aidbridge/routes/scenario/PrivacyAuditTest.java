package org.aidbridge.routes.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The audit itself: it must find what it is there to find, and allow only what is allowed. */
class PrivacyAuditTest {
  private static final Participant ANA = Participant.email("Ana", "ana@example.org");
  private static final Participant BEN = Participant.telegram("Ben", 8642097531L, "ben_tg");
  private static final Participant ROSA =
      Participant.signal("Rosa", "7ccae375-cd51-4c82-8b1e-7be3280aa485", "+15550002222");

  private final PrivacyAudit audit = new PrivacyAudit(List.of(ANA, BEN, ROSA));

  @Test
  void anIdentifierInAGroupMessageIsALeak() {
    Delivered toGroup = new Delivered("telegram:-100123", "New need from @Ben_TG in Portland");

    assertThat(audit.leaksIn(List.of(toGroup)))
        .containsExactlyInAnyOrder(
            "Ben's @ben_tg in a message to telegram:-100123",
            "Ben's ben_tg in a message to telegram:-100123");
  }

  @Test
  void aPhoneNumberWithoutItsCountryCodeInAnotherPersonsMessageIsALeak() {
    Delivered toAna = new Delivered("email:ana@example.org", "Call 555-000 or 5550002222");

    assertThat(audit.leaksIn(List.of(toAna))).singleElement().asString().contains("Rosa");
  }

  @Test
  void anIdentifierInAMessageToItsOwnerIsAllowed() {
    Delivered toRosa =
        new Delivered(
            "signal:+15550002222", "{\"recipient\":[\"+15550002222\"],\"message\":\"hi\"}");

    assertThat(audit.leaksIn(List.of(toRosa))).isEmpty();
    assertThat(audit.allowedSightings()).isEqualTo(2);
  }

  @Test
  void aContactShareIsAllowedOnlyBetweenPeopleWhoBothConsented() {
    Delivered share =
        new Delivered(
            "email:ana@example.org",
            PrivacyAudit.CONTACT_SHARE + " about O-7K2: Telegram tg://user?id=8642097531");
    assertThat(audit.leaksIn(List.of(share))).hasSize(1);

    audit.consented(ANA, BEN);
    assertThat(audit.leaksIn(List.of(share))).isEmpty();
    audit.consented(ROSA, ANA);
    Delivered rosasContactToBen =
        new Delivered("telegram:8642097531", PrivacyAudit.CONTACT_SHARE + ": Signal +15550002222");
    assertThat(audit.leaksIn(List.of(rosasContactToBen))).isNotEmpty();
  }

  @Test
  void anInfoLogLineNamingSomeoneIsALeakButADebugLineIsNotRead() {
    try (CapturedLogs logs = CapturedLogs.attach()) {
      org.slf4j.Logger log = LoggerFactory.getLogger("org.aidbridge.PrivacyAuditTest");
      log.debug("debug may name ana@example.org");
      log.info("sent to {}", "ana@example.org");
      log.warn("failed", new IllegalStateException("no chat 8642097531"));

      assertThat(audit.leaksIn(logs)).hasSize(2);
    }
  }
}
