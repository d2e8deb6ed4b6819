package org.aidbridge.bot.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kind gate's kept model is the trained one, weight for weight, and is used only by the build
 * that kept it and only whole.
 */
class KindModelCacheTest {

  @Test
  void theKeptModelIsTheTrainedOneAndOnlyForTheBuildThatKeptItWhole(@TempDir Path dir)
      throws Exception {
    KindModel trained = KindGate.train(TrainingCorpus.load(), KindModel.Training.DEFAULT);
    Path file = dir.resolve("aidbridge.jar.kind-model");
    KindModelCache.write(file, 42L, trained);

    assertThat(KindModelCache.read(file, 42L))
        .hasValueSatisfying(
            kept -> assertThat(kept.fingerprint()).isEqualTo(trained.fingerprint()));
    assertThat(KindModelCache.read(file, 43L)).as("another build's").isEmpty();

    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);
    assertThat(KindModelCache.read(file, 42L)).as("damaged").isEmpty();
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThat(KindModelCache.read(file, 42L)).as("cut short").isEmpty();
    assertThat(KindModelCache.read(dir.resolve("none"), 42L)).isEmpty();
  }
}
