package org.aidbridge.bot.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A match's text points are written as {@code %.2f} wrote them, halves and all. */
class HundredthsTest {

  @Test
  void writesWhatTheFormatterWrote() {
    SplittableRandom random = new SplittableRandom(12);
    for (int i = 0; i < 200_000; i++) {
      double value =
          switch (i % 3) {
            case 0 -> random.nextDouble() * 20;
            case 1 -> random.nextInt(20_000) / 1000.0 + 0.005; // halves of a hundredth
            default -> random.nextInt(2_000) / 1000.0 * 7.5;
          };
      assertThat(MatchScorer.hundredths(value))
          .as("%s", value)
          .isEqualTo(String.format(Locale.ROOT, "%.2f", value));
    }
    assertThat(MatchScorer.hundredths(1.005)).isEqualTo("1.01");
    assertThat(MatchScorer.hundredths(0.125)).isEqualTo("0.13");
    assertThat(MatchScorer.hundredths(3)).isEqualTo("3.00");
  }
}
