package org.aidbridge.bot.place;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.aidbridge.bot.BuildChecksum;
import org.aidbridge.bot.KeptFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read gazetteer kept in a file beside the jar ({@code <jar>.gazetteer}, about 14 MB), mapped
 * into memory at the next start instead of read from the resource again: reading the resource cost
 * about half a second of a processor, a third of a second of the optimising compiler, and 20 MB of
 * heap at every start; mapped, only the pages a lookup touches are read, and the system may drop
 * them again. The file names the build that wrote it ({@link BuildChecksum}: the resource is in the
 * jar) and carries a checksum, checked before it is mapped; it is replaced whole, never changed in
 * place. Run from a directory of classes (tests), or beside a jar it cannot write, nothing is kept.
 */
final class PlaceTableFile {
  private static final Logger LOG = LoggerFactory.getLogger(PlaceTableFile.class);
  private static final long MAGIC = 0x4149_4442_4741_0001L; // "AIDBGA", format 1
  private static final int HEADER = 2 * Long.BYTES;

  private PlaceTableFile() {}

  /** Where the running jar's gazetteer is kept; empty when run from classes. */
  static Optional<Path> beside() {
    return BuildChecksum.besideJar(".gazetteer");
  }

  /** The table kept in {@code file} by the build {@code build}, whole and mapped; else empty. */
  static Optional<PlaceTable> read(Path file, long build) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (FileChannel channel = FileChannel.open(file)) {
      long body = channel.size() - Long.BYTES;
      if (body < HEADER || body > Integer.MAX_VALUE || !KeptFiles.whole(channel)) {
        return Optional.empty();
      }
      MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, body);
      if (mapped.getLong(0) != MAGIC || mapped.getLong(Long.BYTES) != build) {
        return Optional.empty();
      }
      // The mapping stays valid after the channel is closed.
      return Optional.of(PlaceTable.of(mapped.slice(HEADER, (int) body - HEADER)));
    } catch (IOException | RuntimeException e) {
      LOG.debug("gazetteer: the kept file could not be read", e);
      return Optional.empty();
    }
  }

  /**
   * Keeps {@code layout}, read by the build {@code build}, in {@code file} (new, then moved);
   * whether it could.
   */
  static boolean write(Path file, long build, byte[] layout) {
    ByteBuffer body = ByteBuffer.allocate(HEADER + layout.length);
    body.putLong(MAGIC).putLong(build).put(layout);
    try {
      KeptFiles.replaceChecked(file, body.array());
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.debug("gazetteer: not kept beside the jar", e);
      return false;
    }
  }
}
