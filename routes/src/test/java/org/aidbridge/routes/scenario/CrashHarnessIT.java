package org.aidbridge.routes.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.aidbridge.routes.scenario.CrashTraffic.Message;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash harness: the real application jar in a process of its own, on all three channels at
 * once, killed with SIGKILL again and again at random moments while hundreds of people write to it,
 * and restarted each time on the same database. In the end every message that deserves an answer
 * must have one, and no text may reach the same person twice beyond the documented at-least-once
 * window (a send that succeeded just before the kill, whose success was not yet stored).
 *
 * <p>Short in CI (5 kills). More: {@code -Daidbridge.crash.kills=50} (or {@code
 * AIDBRIDGE_CRASH_KILLS=50}); {@code -Daidbridge.crash.seed=N} repeats a run; {@code
 * -Daidbridge.crash.messages=N} changes the traffic. The summary (seed, messages, kills, lost,
 * duplicates) is printed to the test's output ({@code target/failsafe-reports}) and is the message
 * of a failed assertion. Nothing may be lost on Telegram or email (Telegram's stored offset and
 * IMAP's seen flag give a message again until it is stored); on Signal only what a kill leaves
 * unread in the socket ({@link #allowedSignalLosses}). The application's log of each start ({@code
 * aidbridge-run-N.log}) lies beside the database in the test's temporary directory; {@code
 * -Djunit.jupiter.tempdir.cleanup.mode.default=never} keeps it for reading afterwards.
 */
@Tag("crash")
class CrashHarnessIT {
  @TempDir Path dir;

  @Test
  void everyMessageIsAnsweredAndNoneTwiceThoughTheProcessIsKilledAtRandomMoments()
      throws Exception {
    int kills = setting("aidbridge.crash.kills", "AIDBRIDGE_CRASH_KILLS", 5);
    long seed = setting("aidbridge.crash.seed", "AIDBRIDGE_CRASH_SEED", System.nanoTime());
    int count =
        setting(
            "aidbridge.crash.messages",
            "AIDBRIDGE_CRASH_MESSAGES",
            Math.max(300, 30 * (kills + 1)));
    System.out.println(
        "crash harness: seed " + seed + ", " + kills + " kills, " + count + " messages");
    Random random = new Random(seed);
    List<Message> messages = CrashTraffic.generate(random, count);
    List<List<Message>> waves = waves(messages, kills + 1);

    CrashVerdict verdict;
    List<DuplicateCauses.Cause> causes;
    try (CrashWorld world = new CrashWorld(dir)) {
      AppProcess app = new AppProcess(AppProcess.builtJar(), dir, world.environment());
      app.start();
      log("started");
      int missedMoments = 0;
      List<java.time.Instant> killedAt = new java.util.ArrayList<>();
      for (int k = 0; k < kills; k++) {
        for (Message m : waves.get(k)) {
          world.send(m);
        }
        if (!awaitKillMoment(world, random, waves.get(k).size())) {
          missedMoments++;
        }
        killedAt.add(java.time.Instant.now());
        app.kill();
        log(
            "kill "
                + (k + 1)
                + " after "
                + world.taken()
                + " taken, "
                + world.tally().delivered()
                + " delivered");
        // Only then may the daemon hold new Signal messages for the next connection.
        await()
            .dontCatchUncaughtExceptions()
            .atMost(Duration.ofSeconds(10))
            .until(world::signalDisconnected);
        app.start();
        log("restarted");
      }
      for (Message m : waves.get(kills)) {
        world.send(m);
      }
      log("all " + count + " messages sent");
      boolean finished = awaitFinished(world);
      log(finished ? "the bot finished" : "the bot did not finish");
      app.stop();
      CrashTally tally = world.tally();
      verdict = CrashVerdict.of(seed, kills, messages, tally, world, finished, missedMoments);
      causes = explainDuplicates(world, messages, killedAt);
    }
    System.out.println(verdict);

    assertThat(
            verdict.lost().get(CrashTraffic.ChannelKind.TELEGRAM)
                + verdict.lost().get(CrashTraffic.ChannelKind.EMAIL))
        .as(verdict.toString())
        .isZero();
    assertThat(verdict.lost().get(CrashTraffic.ChannelKind.SIGNAL))
        .as(verdict.toString())
        .isLessThanOrEqualTo(allowedSignalLosses(kills));
    assertThat(verdict.duplicatesTotal())
        .as(verdict.toString())
        .isLessThanOrEqualTo(allowedDuplicates(kills));
    // Whatever their number, every duplicate must be the window's: one outbox entry sent again
    // after a restart, never a message handled twice or anything else.
    assertThat(causes)
        .as(verdict.toString())
        .allSatisfy(c -> assertThat(c.kind()).as(c.detail()).startsWith("resend"));
  }

  /**
   * A kill between a channel accepting a message and the send being written down (the outbox's
   * journal, a file append on the thread that read the platform's answer) leaves that entry
   * claimed; it is sent once more when its lease runs out: the documented at-least-once window,
   * which no platform without an idempotency key lets close. Each channel sends one entry at a
   * time, so a kill leaves at most one such send per channel. The window measured per send (this
   * test prints it): a median of 1 to 3 ms, 99 in 100 under 50 ms, on two cores loaded 3 to 15; but
   * the kills here come right after the bot took something in, when it is busiest, so they fall
   * into it far more often than kills at moments drawn evenly over time would (README, "Crash
   * safety"). Measured: 0 to 4 in runs of 20 kills (4, 0, 4, 3), 8 and 2 at a load of 9 to 17
   * (BENCHMARKS.md; none from a lease running out mid-send). What the test holds for certain is
   * that every duplicate is such a resend (checked one by one); their number depends on the
   * machine's load, and this bound keeps CI from flaking on a loaded machine: one per kill.
   */
  static int allowedDuplicates(int kills) {
    return Math.max(1, kills);
  }

  /**
   * Telegram (a stored offset) and IMAP (the seen flag) give a message again until the bot has
   * stored it, so none may be lost. signal-cli takes no acknowledgement: a notification it wrote to
   * the socket just before a kill and still unread is gone (docs/signal.md); the reading thread
   * writes each one down the moment it reads it and waits for nothing else. Measured: 1 such loss
   * in 180 kills before, and 1 in 80 since (pushed in the 1.1 s between a restart and a kill; the
   * test now prints how long before the kill the daemon wrote a lost one). The bound holds that
   * without making CI flaky: one per run, one more per 50 kills.
   */
  static int allowedSignalLosses(int kills) {
    return 1 + kills / 50;
  }

  /**
   * Waits for a random moment to kill: after the bot has taken a random number (0 to a third of the
   * wave) of further Telegram updates and mails. Intake runs apart from the outbox's timers, so the
   * kill falls anywhere in receiving, handling and sending, not always just after a send (which
   * would aim at the at-least-once window every time). Returns false when that many were not taken
   * within a minute (the kill then happens anyway).
   */
  private static boolean awaitKillMoment(CrashWorld world, Random random, int waveSize)
      throws Exception {
    int target = world.taken() + random.nextInt(Math.max(1, waveSize / 3) + 1);
    try {
      await()
          .dontCatchUncaughtExceptions() // the killed process's connections end in the servers'
          // threads
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> world.taken() >= target);
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  /**
   * Waits until the bot has taken and handled everything (held for 3 s, so a message in flight
   * between the servers and the database is not mistaken for the end). Returns false if that never
   * happened within three minutes; the verdict is then taken as it stands.
   */
  private static boolean awaitFinished(CrashWorld world) {
    try {
      await()
          .dontCatchUncaughtExceptions() // the killed process's connections end in the servers'
          // threads
          .atMost(Duration.ofMinutes(3))
          .during(Duration.ofSeconds(3))
          .pollInterval(Duration.ofMillis(200))
          .until(world::finished);
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  /**
   * Each duplicate with its cause ({@link DuplicateCauses}), printed with a count per cause and
   * channel, and the window of every send.
   */
  private List<DuplicateCauses.Cause> explainDuplicates(
      CrashWorld world, List<Message> messages, List<java.time.Instant> killedAt) throws Exception {
    List<DuplicateCauses.Cause> causes =
        DuplicateCauses.explain(world.copies(), killedAt, world.database(), dir);
    java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
    for (DuplicateCauses.Cause c : causes) {
      counts.merge(c.channel() + " " + c.kind(), 1, Integer::sum);
      System.out.println("  duplicate, " + c.kind() + ": " + c.detail());
    }
    System.out.println("  duplicates by cause: " + counts);
    for (String line : DuplicateCauses.windows(world.copies(), world.database())) {
      System.out.println("  " + line);
    }
    for (Message m : world.tally().unanswered(messages, world)) {
      if (m.channel() == CrashTraffic.ChannelKind.SIGNAL) {
        Long written = world.signalWrittenAt(m);
        System.out.println(
            "  lost signal message "
                + m.index()
                + ": "
                + (written == null
                    ? "never written to the bot's socket"
                    : "written to the bot's socket "
                        + nearestKill(java.time.Instant.ofEpochMilli(written), killedAt)));
      }
    }
    return causes;
  }

  /** "N ms before the nearest kill" (or after it), for a moment of the run. */
  private static String nearestKill(java.time.Instant at, List<java.time.Instant> killedAt) {
    return killedAt.stream()
        .map(k -> java.time.Duration.between(at, k).toMillis())
        .min(java.util.Comparator.comparingLong(Math::abs))
        .map(
            ms -> ms >= 0 ? ms + " ms before the nearest kill" : -ms + " ms after the nearest kill")
        .orElse("with no kill");
  }

  private final long began = System.nanoTime();

  /** A progress line with the seconds since the test began, in the test's output. */
  private void log(String what) {
    System.out.printf("  %6.1f s  %s%n", (System.nanoTime() - began) / 1e9, what);
  }

  /** The messages cut into {@code parts} waves of nearly equal size, in order. */
  private static List<List<Message>> waves(List<Message> messages, int parts) {
    List<List<Message>> waves = new java.util.ArrayList<>();
    for (int p = 0; p < parts; p++) {
      int from = messages.size() * p / parts;
      int to = messages.size() * (p + 1) / parts;
      waves.add(messages.subList(from, to));
    }
    return waves;
  }

  /** A system property, else an environment variable, else the default. */
  private static int setting(String property, String env, int fallback) {
    return (int) setting(property, env, (long) fallback);
  }

  private static long setting(String property, String env, long fallback) {
    String value = System.getProperty(property, System.getenv(env));
    return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
  }
}
