package org.aidbridge.routes.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gazetteer kept beside the real jar: the first start reads the shipped resource and keeps the
 * result in {@code <jar>.gazetteer}; the next start maps that file and writes nothing, even after a
 * kill (SIGKILL) mid-run; a damaged file is read past and replaced.
 */
class GazetteerKeptIT {
  @TempDir Path dir;

  @Test
  void theFirstStartKeepsTheGazetteerAndLaterStartsMapItEvenAfterAKill() throws Exception {
    Path jar = dir.resolve("aidbridge.jar"); // a copy, so that what lies beside it is this test's
    Files.copy(AppProcess.builtJar(), jar);
    Path kept = dir.resolve("aidbridge.jar.gazetteer");
    AppProcess app = new AppProcess(jar, dir, AppProcess.startOnly(dir.resolve("bot.db")));

    app.start();
    app.awaitLog(1, "places read from the resource, kept beside the jar for the next start");
    app.kill();
    assertThat(kept).isRegularFile();
    BasicFileAttributes written = Files.readAttributes(kept, BasicFileAttributes.class);

    app.start();
    app.awaitLog(2, "places mapped from the file kept beside the jar");
    app.stop();
    BasicFileAttributes read = Files.readAttributes(kept, BasicFileAttributes.class);
    assertThat(read.fileKey()).as("the same file, not replaced").isEqualTo(written.fileKey());
    assertThat(read.lastModifiedTime()).isEqualTo(written.lastModifiedTime());

    byte[] damaged = Files.readAllBytes(kept);
    damaged[damaged.length / 3] ^= 1;
    Files.write(kept, damaged);
    app.start();
    app.awaitLog(3, "places read from the resource, kept beside the jar for the next start");
    app.stop();
    app.start();
    app.awaitLog(4, "places mapped from the file kept beside the jar");
    app.stop();
  }
}
