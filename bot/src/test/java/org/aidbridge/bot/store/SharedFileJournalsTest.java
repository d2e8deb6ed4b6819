package org.aidbridge.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.aidbridge.bot.model.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one SQLite file keep their crash journals apart: neither empties the other's, a
 * start never replays a live instance's, and a dead instance's are replayed once by the next start.
 * The other instance is a real process of its own, killed with SIGKILL.
 */
class SharedFileJournalsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final String READ_BY_THE_OTHER =
      "{\"envelope\":{\"sourceUuid\":\"c0ffee\",\"timestamp\":17,"
          + "\"dataMessage\":{\"message\":\"need rice in Portland\"}}}";

  @TempDir Path dir;
  private Process other;

  @AfterEach
  void stop() throws InterruptedException {
    if (other != null) {
      other.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void whatAnInstanceWroteDownIsKeptThoughAnotherOnTheSameFileEmptiedItsOwnAndItWasKilled()
      throws Exception {
    Path file = dir.resolve("aidbridge.db");
    try (SqliteStore running = SqliteStore.open(file.toString())) {
      other = start(file); // has read a notification and written it down, not yet stored

      // This instance stores what it reads meanwhile: its journal is emptied at once after.
      running.storeRawInbound(Channel.TELEGRAM, "{\"update_id\":1}", T0);
      kill();
    }

    try (SqliteStore next = SqliteStore.open(file.toString())) {
      assertThat(next.rawInboundAfter(Channel.SIGNAL, 0, 10))
          .extracting(RawInbound::payload)
          .containsExactly(READ_BY_THE_OTHER);
    }
    try (SqliteStore again = SqliteStore.open(file.toString())) {
      assertThat(again.rawInboundCount(Channel.SIGNAL)).as("replayed once").isEqualTo(1);
    }
  }

  @Test
  void aStartLeavesALiveInstancesJournalAlone() throws Exception {
    Path file = dir.resolve("aidbridge.db");
    SqliteStore.open(file.toString()).close();
    other = start(file);

    try (SqliteStore starting = SqliteStore.open(file.toString())) {
      assertThat(starting.rawInboundCount(Channel.SIGNAL)).isZero();
    }
    assertThat(journalLines(file)).as("the live instance's line").containsExactly(1L);

    kill();
    try (SqliteStore next = SqliteStore.open(file.toString())) {
      assertThat(next.rawInboundCount(Channel.SIGNAL)).isEqualTo(1);
    }
    assertThat(journalLines(file)).as("every journal replayed and deleted").isEmpty();
  }

  @Test
  void aCleanStopLeavesNoJournalFileBehindNeitherOfTheTwoThatTakeTurns() throws Exception {
    Path file = dir.resolve("aidbridge.db");
    try (SqliteStore store = SqliteStore.open(file.toString())) {
      store.storeRawInbound(Channel.TELEGRAM, "{\"update_id\":1}", T0);
      assertThat(journalFiles(file)).isNotEmpty();
    }

    assertThat(journalFiles(file)).isEmpty();
  }

  /** The journal and lock files beside the database, of any instance. */
  private java.util.List<String> journalFiles(Path file) throws IOException {
    String base = file.getFileName().toString();
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(
              n ->
                  n.startsWith(base + "-raw")
                      || n.startsWith(base + "-sent")
                      || n.startsWith(base + "-journals"))
          .toList();
    }
  }

  /** How many lines each raw journal beside the database holds. */
  private java.util.List<Long> journalLines(Path file) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(file.getFileName() + "-raw"))
          .map(SharedFileJournalsTest::lines)
          .toList();
    }
  }

  private static long lines(Path journal) {
    try {
      return Files.readAllLines(journal).size();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Process start(Path file) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                JournalingInstance.class.getName(),
                file.toString(),
                READ_BY_THE_OTHER)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    do {
      line = out.readLine();
    } while (line != null && !line.equals("ready"));
    assertThat(line).as("the other instance started").isEqualTo("ready");
    return process;
  }

  private void kill() throws InterruptedException {
    other.destroyForcibly(); // SIGKILL: no shutdown hook, no close
    assertThat(other.waitFor(10, TimeUnit.SECONDS)).isTrue();
    other = null;
  }
}
