package org.aidbridge.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files kept for the next start: written whole, read back only when whole. */
class KeptFilesTest {
  @TempDir Path dir;

  @Test
  void aCheckedFileGivesBackItsBodyAndNothingIsLeftBeside() throws IOException {
    Path file = dir.resolve("kept");
    byte[] body = "what the next start needs".getBytes(StandardCharsets.UTF_8);

    KeptFiles.replaceChecked(file, body);

    ByteBuffer read = KeptFiles.checked(Files.readAllBytes(file)).orElseThrow();
    byte[] back = new byte[read.remaining()];
    read.get(back);
    assertThat(back).isEqualTo(body);
    assertThat(Files.size(file)).isEqualTo(body.length + 8L);
    try (var left = Files.list(dir)) {
      assertThat(left).containsExactly(file);
    }
  }

  @Test
  void aChangedByteOrAFileCutShortIsNotWhole() throws IOException {
    Path file = dir.resolve("kept");
    KeptFiles.replaceChecked(file, new byte[1000]);
    byte[] bytes = Files.readAllBytes(file);
    byte[] changed = bytes.clone();
    changed[500] = 1;

    assertThat(KeptFiles.checked(changed)).isEmpty();
    assertThat(KeptFiles.checked(Arrays.copyOf(bytes, 900))).isEmpty();
    assertThat(KeptFiles.checked(new byte[3])).isEmpty();
  }

  @Test
  void writingDeletesWhatAKilledWriterLeftButNotWhatARunningOneWrites() throws Exception {
    Path file = dir.resolve("aidbridge.jar.gazetteer");
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    Path ofKilled = dir.resolve("aidbridge.jar.gazetteer" + KeptFiles.NEW + ended.pid());
    long running = ProcessHandle.current().parent().orElseThrow().pid();
    Path ofRunning = dir.resolve("aidbridge.jar.gazetteer" + KeptFiles.NEW + running);
    Path notOurs = dir.resolve("aidbridge.jar.gazetteer" + KeptFiles.NEW + "backup");
    Path other = dir.resolve("aidbridge.jar.kind-model" + KeptFiles.NEW + ended.pid());
    for (Path f : new Path[] {ofKilled, ofRunning, notOurs, other}) {
      Files.write(f, new byte[] {1});
    }

    KeptFiles.replaceChecked(file, new byte[] {2});

    assertThat(ofKilled).doesNotExist();
    assertThat(ofRunning).exists();
    assertThat(notOurs).exists();
    assertThat(other).as("another file's, deleted when that file is written").exists();
    assertThat(file).exists();
  }
}
