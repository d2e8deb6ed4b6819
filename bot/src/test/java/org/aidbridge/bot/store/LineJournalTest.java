package org.aidbridge.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's two files: appends never wait for a file being emptied. */
class LineJournalTest {
  @TempDir Path dir;

  /** An emptier that holds the emptying until released, like a truncate behind a disk sync. */
  private static final class HeldEmptier implements LineJournal.Emptier {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public void empty(java.nio.channels.FileChannel file) throws java.io.IOException {
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      file.truncate(0);
    }
  }

  @Test
  void anAppendGoesThroughWhileTheOtherFileIsBeingEmptiedAndSurvivesAKill() throws Exception {
    Path file = dir.resolve("bot.db-raw");
    HeldEmptier emptier = new HeldEmptier();
    LineJournal journal = new LineJournal(file, true, emptier);
    assertThat(journal.append("1", "first")).isTrue();
    CompletableFuture<Void> settling = CompletableFuture.runAsync(() -> journal.settled("1", true));
    assertThat(emptier.started.await(10, TimeUnit.SECONDS)).isTrue();

    // With one file this append waited for the emptying to end.
    CompletableFuture<Boolean> append =
        CompletableFuture.supplyAsync(() -> journal.append("2", "second"));

    assertThat(append.get(10, TimeUnit.SECONDS)).isTrue();
    // Killed now: the next run finds the second line (the first is in the database already).
    assertThat(new LineJournal(file, true, f -> f.truncate(0)).pending()).contains("second");
    emptier.release.countDown();
    settling.get(10, TimeUnit.SECONDS);
    assertThat(Files.size(file)).isZero();
  }

  @Test
  void aLineAppendedWhileTheOtherFileWasEmptiedIsEmptiedOnceSettled() throws Exception {
    Path file = dir.resolve("bot.db-raw");
    HeldEmptier emptier = new HeldEmptier();
    LineJournal journal = new LineJournal(file, true, emptier);
    journal.append("1", "first");
    CompletableFuture<Void> settling = CompletableFuture.runAsync(() -> journal.settled("1", true));
    assertThat(emptier.started.await(10, TimeUnit.SECONDS)).isTrue();
    journal.append("2", "second");
    journal.settled("2", true); // the other file is still being emptied: nothing to do yet

    emptier.release.countDown();
    settling.get(10, TimeUnit.SECONDS);

    // The settling thread turned again for the line appended meanwhile: a person's text in a raw
    // journal does not outlive its row.
    assertThat(journal.pending()).isEmpty();
  }

  @Test
  void aLineTheDatabaseRefusedStaysThroughEveryTurn() {
    Path file = dir.resolve("bot.db-sent");
    LineJournal journal = new LineJournal(file, true, f -> f.truncate(0));
    journal.append("1", "refused");
    journal.settled("1", false);
    journal.append("2", "recorded");
    journal.settled("2", true);
    journal.append("3", "recorded too");
    journal.settled("3", true);

    assertThat(journal.pending()).containsExactly("refused");
  }

  @Test
  void pendingReadsBothFilesTheOneWrittenLastLast() throws Exception {
    Path file = dir.resolve("bot.db-sent");
    Path second = dir.resolve("bot.db-sent2");
    Files.writeString(second, "older\n");
    Files.setLastModifiedTime(
        second,
        java.nio.file.attribute.FileTime.from(
            java.time.Instant.now().minus(Duration.ofMinutes(1))));
    Files.writeString(file, "newer\ncut sho");

    assertThat(new LineJournal(file, false, f -> f.truncate(0)).pending())
        .containsExactly("older", "newer");
  }
}
