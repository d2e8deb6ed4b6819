package org.aidbridge.routes.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.store.SqliteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crash harness's explanation of a duplicate, from the evidence a run leaves. */
class DuplicateCausesTest {
  private static final Address ANA = Address.person(Channel.EMAIL, "ana@example.org");
  private static final Instant T0 = Instant.parse("2026-12-01T23:49:38Z");

  @TempDir Path dir;

  @Test
  void aMailSentAgainIsAResendThoughAnotherMailToThatPersonHasTheSameSubject() throws Exception {
    Path database = dir.resolve("aidbridge.db");
    long first;
    long second;
    try (SqliteStore store = SqliteStore.open(database.toString())) {
      // Two match notices of one offer, to the same person: one subject, two texts.
      first = queue(store, "Someone needs what you offer:\nwheelchair in Chicago.");
      second = queue(store, "Another need for what you offer:\nwheelchair, near Chicago.");
    }
    Files.writeString(
        dir.resolve("aidbridge-run-2.log"),
        "INFO email outbox entry " + first + " is sent again: an earlier send was interrupted\n");
    String mail =
        "Match found for O-SVD: wheelchair\nSomeone needs what you offer:\r\nwheelchair in Chicago.";
    List<DuplicateCauses.Copy> copies =
        List.of(
            new DuplicateCauses.Copy("email:ana@example.org", mail, T0, "<m1@bot>"),
            new DuplicateCauses.Copy(
                "email:ana@example.org", mail, T0.plusSeconds(120), "<m1@bot>"));

    List<DuplicateCauses.Cause> causes =
        DuplicateCauses.explain(copies, List.of(T0.plusMillis(1)), database, dir);

    assertThat(causes).hasSize(1);
    assertThat(causes.get(0).kind())
        .as(causes.get(0).detail())
        .isEqualTo("resend (same Message-ID)");
    assertThat(causes.get(0).detail())
        .contains("rows [" + first + " ")
        .doesNotContain(second + " PENDING");
  }

  private static long queue(SqliteStore store, String text) {
    return store
        .enqueue(
            OutboundMessage.to(ANA, text, "en").withSubject("Match found for O-SVD: wheelchair"),
            T0)
        .id();
  }
}
