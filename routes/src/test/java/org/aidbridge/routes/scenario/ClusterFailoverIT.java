package org.aidbridge.routes.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.aidbridge.bot.store.DatabaseLogin;
import org.aidbridge.bot.testing.TestPostgres;
import org.aidbridge.routes.scenario.CrashTraffic.ChannelKind;
import org.aidbridge.routes.scenario.CrashTraffic.Message;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failover between instances: two (or three) processes of the real application jar on one database,
 * with the three channels' servers on the wire (as in {@link CrashHarnessIT}). The instance that
 * leads is killed with SIGKILL again and again while hundreds of people write; a standby must take
 * every role over (its intake running: Telegram polled, Signal connected, the mailbox read) within
 * 15 s of the kill, and in the end every message must be answered, with no text twice beyond the
 * at-least-once window of a send whose success was not yet stored.
 *
 * <p>On SQLite, the instances share the database file and contend through the lock file beside it;
 * on PostgreSQL, they share a database and contend through its advisory locks. Short in CI (2
 * kills). More: {@code -Daidbridge.cluster.kills=20}, {@code -Daidbridge.cluster.instances=3},
 * {@code -Daidbridge.cluster.messages=N}, {@code -Daidbridge.cluster.seed=N}. Each takeover's time
 * and the summary are printed to the test's output ({@code target/failsafe-reports}).
 */
@Tag("crash")
class ClusterFailoverIT {
  /** What the issue asks: a standby runs everything within this of its leader's death. */
  static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(15);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> ROLES = List.of("core", "telegram", "signal", "email");

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  private final long began = System.nanoTime();

  /**
   * The same on one SQLite file (the lock file). Not in CI's run, to keep the suite short (each
   * database costs two to four minutes; the leadership itself is covered there by {@code
   * FileLockLeadershipTest}): {@code -Daidbridge.cluster.sqlite=true} runs it.
   */
  @Test
  void onSqliteAStandbyTakesOverWithin15SecondsOfEachKillAndEveryMessageIsAnswered()
      throws Exception {
    assumeTrue(
        Boolean.parseBoolean(
            System.getProperty(
                "aidbridge.cluster.sqlite", System.getenv("AIDBRIDGE_CLUSTER_SQLITE"))),
        "run with -Daidbridge.cluster.sqlite=true");
    failover(null);
  }

  /**
   * The same on PostgreSQL (a real server, {@link TestPostgres}): the instances contend through
   * advisory locks, which PostgreSQL frees as the killed process's connection closes.
   */
  @Test
  void onPostgresAStandbyTakesOverWithin15SecondsOfEachKillAndEveryMessageIsAnswered()
      throws Exception {
    failover(TestPostgres.shared().newDatabase());
  }

  private void failover(DatabaseLogin server) throws Exception {
    int instances = setting("aidbridge.cluster.instances", "AIDBRIDGE_CLUSTER_INSTANCES", 2);
    int kills = setting("aidbridge.cluster.kills", "AIDBRIDGE_CLUSTER_KILLS", 2);
    long seed = setting("aidbridge.cluster.seed", "AIDBRIDGE_CLUSTER_SEED", System.nanoTime());
    int count =
        setting(
            "aidbridge.cluster.messages",
            "AIDBRIDGE_CLUSTER_MESSAGES",
            Math.max(300, 30 * (kills + 1)));
    System.out.printf(
        "cluster failover on %s: seed %d, %d instances, %d kills, %d messages%n",
        server == null ? "SQLite" : "PostgreSQL", seed, instances, kills, count);
    Random random = new Random(seed);
    List<Message> messages = CrashTraffic.generate(random, count);
    List<List<Message>> waves = waves(messages, kills + 1);
    List<Duration> takeovers = new ArrayList<>();

    CrashVerdict verdict;
    try (CrashWorld world = new CrashWorld(dir, server)) {
      Map<String, String> environment = new HashMap<>(world.environment());
      // A send the killed leader had claimed is sent again once its lease ends: short here, so
      // the run does not wait two minutes for the last few.
      environment.put("AIDBRIDGE_OUTBOX_LEASE_SECONDS", "15");
      List<AppProcess> apps = new ArrayList<>();
      for (int i = 1; i <= instances; i++) {
        AppProcess app = new AppProcess(AppProcess.builtJar(), dir, environment, "instance-" + i);
        app.start();
        apps.add(app);
        log(app.name() + " started, " + describe(app));
      }
      assertThat(leaderOf(apps)).contains(apps.get(0)); // the first to start leads everything
      try {
        for (int k = 0; k < kills; k++) {
          for (Message m : waves.get(k)) {
            world.send(m);
          }
          awaitKillMoment(world, random, waves.get(k).size());
          AppProcess leader = leaderOf(apps).orElseThrow();
          long killedAt = System.nanoTime();
          leader.kill();
          log(leader.name() + " killed at " + java.time.Instant.now());
          Takeover takeover = awaitTakeover(apps, leader, killedAt);
          takeovers.add(takeover.running());
          log(
              String.format(
                  "kill %d: %s killed after %d taken; %s led every role after %.1f s, polled"
                      + " Telegram and held the Signal connection after %.1f s",
                  k + 1,
                  leader.name(),
                  world.taken(),
                  takeover.next().name(),
                  takeover.leading().toMillis() / 1000.0,
                  takeover.running().toMillis() / 1000.0));
          if (k + 1 < kills) {
            leader.start(); // back, as a standby
            log(leader.name() + " restarted, " + describe(leader));
          }
        }
        for (Message m : waves.get(kills)) {
          world.send(m);
        }
        log("all " + count + " messages sent");
        boolean finished = awaitFinished(world);
        log(finished ? "the instances finished" : "the instances did not finish");
        CrashTally tally = world.tally();
        verdict = CrashVerdict.of(seed, kills, messages, tally, world, finished, 0);
      } finally {
        for (AppProcess app : apps) {
          app.stop();
        }
      }
    }
    String summary =
        verdict
            + "  takeovers (kill to every role led, Telegram polled, Signal connected): "
            + seconds(takeovers);
    System.out.println(summary);

    assertThat(takeovers).as(summary).allMatch(t -> t.compareTo(TAKEOVER_LIMIT) <= 0);
    assertThat(verdict.lost().get(ChannelKind.TELEGRAM) + verdict.lost().get(ChannelKind.EMAIL))
        .as(summary)
        .isZero();
    assertThat(verdict.lost().get(ChannelKind.SIGNAL))
        .as(summary)
        .isLessThanOrEqualTo(CrashHarnessIT.allowedSignalLosses(kills));
    assertThat(verdict.duplicatesTotal())
        .as(summary)
        .isLessThanOrEqualTo(CrashHarnessIT.allowedDuplicates(kills));
  }

  /** The instance whose {@code /health} says it leads the core. */
  private static Optional<AppProcess> leaderOf(List<AppProcess> apps) {
    return apps.stream()
        .filter(AppProcess::alive)
        .filter(a -> "leader".equals(roles(a).path("core").asText()))
        .findFirst();
  }

  /**
   * How a takeover went, each counted from the kill: when the instance that took over led every
   * role (each role's work started, the mailbox route among it), and when its intake ran (besides,
   * Telegram's poll answered and the Signal connection up): the takeover this test holds to 15 s.
   * The mailbox's first poll is not waited for: Camel reports an IMAP poll only once it has handled
   * what it read (up to 50 mails that waited during the takeover), which measures handling, not the
   * takeover.
   */
  record Takeover(AppProcess next, Duration leading, Duration running) {}

  /** Waits until a surviving instance leads every role and runs its intake. */
  private static Takeover awaitTakeover(List<AppProcess> apps, AppProcess killed, long killedAt) {
    AtomicReference<AppProcess> next = new AtomicReference<>();
    AtomicReference<Duration> leading = new AtomicReference<>();
    await()
        .dontCatchUncaughtExceptions() // the killed process's connections end in the servers'
        // threads
        .atMost(TAKEOVER_LIMIT.plusSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              for (AppProcess app : apps) {
                JsonNode health = app != killed && app.alive() ? health(app) : null;
                if (health != null && leadsEverything(health)) {
                  leading.compareAndSet(null, since(killedAt));
                  if (up(health, "telegram") && up(health, "signal")) {
                    next.set(app);
                    return true;
                  }
                }
              }
              return false;
            });
    return new Takeover(next.get(), leading.get(), since(killedAt));
  }

  private static Duration since(long nanoTime) {
    return Duration.ofNanos(System.nanoTime() - nanoTime);
  }

  /** Every role led, its work started (the mailbox route among it): {@code leader} says both. */
  private static boolean leadsEverything(JsonNode health) {
    JsonNode roles = health.at("/leadership/roles");
    return ROLES.stream().allMatch(r -> "leader".equals(roles.path(r).asText()));
  }

  /** The channel's probes are all up: for its receiving ones, a success since it was gained. */
  private static boolean up(JsonNode health, String channel) {
    return "UP".equals(health.at("/channels/" + channel + "/status").asText());
  }

  private static JsonNode roles(AppProcess app) {
    JsonNode health = health(app);
    return health == null ? JSON.createObjectNode() : health.at("/leadership/roles");
  }

  private static JsonNode health(AppProcess app) {
    String body = app.health();
    try {
      return body == null ? null : JSON.readTree(body);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static String describe(AppProcess app) {
    return "roles " + roles(app);
  }

  /** As in the crash harness: after a random share of the wave was taken in (or a minute). */
  private static void awaitKillMoment(CrashWorld world, Random random, int waveSize)
      throws Exception {
    int target = world.taken() + random.nextInt(Math.max(1, waveSize / 3) + 1);
    try {
      await()
          .dontCatchUncaughtExceptions()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> world.taken() >= target);
    } catch (ConditionTimeoutException e) {
      // The kill happens anyway; the verdict says whether anything was lost.
    }
  }

  private static boolean awaitFinished(CrashWorld world) {
    try {
      await()
          .dontCatchUncaughtExceptions()
          .atMost(Duration.ofMinutes(3))
          .during(Duration.ofSeconds(3))
          .pollInterval(Duration.ofMillis(200))
          .until(world::finished);
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  private static String seconds(List<Duration> takeovers) {
    return takeovers.stream()
        .map(t -> String.format("%.1f s", t.toMillis() / 1000.0))
        .toList()
        .toString();
  }

  private void log(String what) {
    System.out.printf(
        "  %6.1f s  %s  %s%n",
        (System.nanoTime() - began) / 1e9, java.time.LocalTime.now(java.time.ZoneOffset.UTC), what);
  }

  private static List<List<Message>> waves(List<Message> messages, int parts) {
    List<List<Message>> waves = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      waves.add(messages.subList(messages.size() * p / parts, messages.size() * (p + 1) / parts));
    }
    return waves;
  }

  private static int setting(String property, String env, int fallback) {
    return (int) setting(property, env, (long) fallback);
  }

  private static long setting(String property, String env, long fallback) {
    String value = System.getProperty(property, System.getenv(env));
    return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
  }
}
