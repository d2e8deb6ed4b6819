package org.aidbridge.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.OSInfo;

/** SQLite's native library, copied once beside the jar from the driver's own entry. */
class SqliteNativeLibraryTest {
  @TempDir Path dir;

  @Test
  void theFirstStartCopiesTheDriversLibraryAndLaterStartsFindIt() throws IOException {
    Path jar = dir.resolve("aidbridge.jar");
    AtomicInteger asked = new AtomicInteger();
    String folder = OSInfo.getNativeLibFolderPathForCurrentOS();

    Path kept =
        SqliteNativeLibrary.keptCopy(
                jar,
                "3.0.0",
                () -> {
                  asked.incrementAndGet();
                  return folder;
                })
            .orElseThrow();
    Path again = SqliteNativeLibrary.keptCopy(jar, "3.0.0", () -> "asked again").orElseThrow();

    assertThat(kept.getParent()).isEqualTo(dir.resolve("aidbridge.jar.sqlite-3.0.0"));
    assertThat(again).isEqualTo(kept);
    assertThat(asked).as("which machine this is: asked only the first time").hasValue(1);
    String entry = "/org/sqlite/native/" + folder + "/" + kept.getFileName();
    try (InputStream original = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream(entry)) {
      assertThat(Files.readAllBytes(kept)).isEqualTo(original.readAllBytes());
    }
    try (var left = Files.list(kept.getParent())) {
      assertThat(left).containsExactly(kept); // no half-written copy
    }
  }

  @Test
  void anotherDriverVersionGetsItsOwnCopy() {
    Path jar = dir.resolve("aidbridge.jar");
    String folder = OSInfo.getNativeLibFolderPathForCurrentOS();

    Path one = SqliteNativeLibrary.keptCopy(jar, "3.0.0", () -> folder).orElseThrow();
    Path two = SqliteNativeLibrary.keptCopy(jar, "3.0.1", () -> folder).orElseThrow();

    assertThat(two).isNotEqualTo(one);
    assertThat(two.getParent().getFileName().toString()).isEqualTo("aidbridge.jar.sqlite-3.0.1");
  }

  @Test
  void noEntryForTheMachineKeepsNothing() {
    Path jar = dir.resolve("aidbridge.jar");

    assertThat(SqliteNativeLibrary.keptCopy(jar, "3.0.0", () -> "Plan9/mips")).isEmpty();
    assertThat(dir.resolve("aidbridge.jar.sqlite-3.0.0")).doesNotExist();
  }
}
