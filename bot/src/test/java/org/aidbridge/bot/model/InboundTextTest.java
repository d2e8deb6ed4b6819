package org.aidbridge.bot.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Whatever a channel brings is kept capped and without control characters. */
class InboundTextTest {
  private static final Address ANA = Address.person(Channel.TELEGRAM, "42");

  @Test
  void aHundredKilobyteTextIsKeptCappedAtTenThousandCharacters() {
    InboundMessage m = InboundMessage.direct(ANA, "1", "rice ".repeat(20_000), Instant.EPOCH);

    assertThat(m.text()).hasSize(InboundText.MAX_TEXT_CHARS).startsWith("rice rice");
  }

  @Test
  void controlCharactersGoButNewlinesAndTabsStay() {
    String binary = "need\u0000 rice\u0007\u001b[31m\tin\r\nPortland\u007f\u0085\rnow";

    assertThat(InboundText.clean(binary, 100)).isEqualTo("need rice[31m\tin\nPortland\nnow");
  }

  @Test
  void brokenSurrogatesAreReplacedAndAPairIsNeverCut() {
    assertThat(InboundText.clean("a\uD83Db\uDC4D", 10)).isEqualTo("a\uFFFDb\uFFFD");
    assertThat(InboundText.clean("ab\uD83D\uDC4D", 3)).isEqualTo("ab");
    assertThat(InboundText.clean("ab\uD83D\uDC4D", 4)).isEqualTo("ab\uD83D\uDC4D");
  }

  @Test
  void aMegabyteSubjectIsKeptAsOneShortLine() {
    String subject = "NEED: rice\r\n\tplease " + "x".repeat(1_000_000);
    InboundMessage m =
        new InboundMessage(
            Channel.EMAIL, "1", ANA, null, "", subject, null, null, true, false, Instant.EPOCH);

    assertThat(m.subject())
        .hasSize(InboundText.MAX_SUBJECT_CHARS)
        .startsWith("NEED: rice please xx")
        .doesNotContain("\n");
  }
}
