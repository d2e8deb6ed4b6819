package org.aidbridge.bot.parse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.aidbridge.bot.BuildChecksum;
import org.aidbridge.bot.KeptFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kind gate's trained weights in a file beside the jar ({@code <jar>.kind-model}), so that a
 * start does not train them again (about a second of a processor, the same every time). Training is
 * deterministic (float arithmetic in a fixed order, {@link KindModel}) and depends only on the code
 * and the training corpus, both in the build; the file names the build it was trained by ({@link
 * BuildChecksum}) and carries a checksum, and is used only by that build, whole. Run from a
 * directory of classes (tests), or beside a jar it cannot write, nothing is kept: it trains.
 */
final class KindModelCache {
  private static final Logger LOG = LoggerFactory.getLogger(KindModelCache.class);
  private static final long MAGIC = 0x4149_4442_4b4d_0001L; // "AIDBKM", format 1

  private KindModelCache() {}

  /** Where the running jar's model is kept; empty when run from classes. */
  static Optional<Path> beside() {
    return BuildChecksum.besideJar(".kind-model");
  }

  /** The model kept in {@code file} by the build {@code build}, whole; else empty. */
  static Optional<KindModel> read(Path file, long build) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Optional<ByteBuffer> body = KeptFiles.checked(Files.readAllBytes(file));
      if (body.isEmpty()) {
        return Optional.empty();
      }
      ByteBuffer in = body.get();
      if (in.remaining() < 2 * Long.BYTES + Integer.BYTES
          || in.getLong() != MAGIC
          || in.getLong() != build) {
        return Optional.empty();
      }
      float[] weights = new float[in.getInt()];
      if (in.remaining() != weights.length * Float.BYTES) {
        return Optional.empty();
      }
      in.asFloatBuffer().get(weights);
      return Optional.of(KindModel.of(weights));
    } catch (IOException | RuntimeException e) {
      LOG.debug("kind gate: the kept model could not be read", e);
      return Optional.empty();
    }
  }

  /** Keeps {@code model}, trained by the build {@code build}, in {@code file} (new, then moved). */
  static void write(Path file, long build, KindModel model) {
    float[] weights = model.weights();
    ByteBuffer out = ByteBuffer.allocate(2 * Long.BYTES + Integer.BYTES + weights.length * 4);
    out.putLong(MAGIC).putLong(build).putInt(weights.length);
    out.asFloatBuffer().put(weights);
    try {
      KeptFiles.replaceChecked(file, out.array());
    } catch (IOException | RuntimeException e) {
      LOG.debug("kind gate: the model was not kept beside the jar", e);
    }
  }
}
