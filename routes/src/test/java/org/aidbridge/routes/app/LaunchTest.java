package org.aidbridge.routes.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The start lines' "ms after launch" must say when the process started, to the hundredth of a
 * second {@code /proc} gives, not up to a second late as the start instant with Linux's
 * whole-second boot time made them.
 */
class LaunchTest {
  /** A stat line as Linux writes it, for a command whose name holds spaces and parentheses. */
  private static final String STAT =
      "4242 (java (a) b) S 1 4242 1195 0 -1 4194304 126 0 0 0 0 0 0 0 20 0 1 0 282221 3133440 362"
          + " 18446744073709551615 94344208355328 94344208375209 140727351914928 0 0 0 0 0 0 0 0 0"
          + " 17 1 0 0 0 0 0\n";

  @Test
  void readsTheAgeFromTheStartInTicksAndTheUptime() {
    assertThat(Launch.ageMillis(STAT, "2822.23 3956.91\n")).isEqualTo(OptionalLong.of(20));
    assertThat(Launch.ageMillis(STAT, "2900.005 3956.91\n")).isEqualTo(OptionalLong.of(77_795));
  }

  @Test
  void nothingFromLinesThatDoNotReadAsProcDescribes() {
    assertThat(Launch.ageMillis("4242 java S 1", "2822.23 3956.91")).isEmpty();
    assertThat(Launch.ageMillis("4242 (java) S 1 2 3", "2822.23 3956.91")).isEmpty();
    assertThat(Launch.ageMillis(STAT, "2000.00 3956.91")).isEmpty(); // started after "now"
  }

  @Test
  void agreesWithTheJvmsOwnClockOnItsStart() {
    // The process starts a little before the JVM in it (the launcher loads the JVM's library
    // first), never after it, and the ticks round down to a hundredth of a second.
    long jvmUptime = ManagementFactory.getRuntimeMXBean().getUptime();
    long launched = Launch.millis();
    long jvmUptimeAfter = ManagementFactory.getRuntimeMXBean().getUptime();

    assertThat(launched).isBetween(jvmUptime - 20, jvmUptimeAfter + 400);
  }
}
