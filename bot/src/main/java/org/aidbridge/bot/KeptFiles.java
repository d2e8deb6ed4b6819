package org.aidbridge.bot;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/** Files the bot keeps for its next start (the match index's snapshot, the kind gate's model). */
public final class KeptFiles {
  /** What a file being written is called until it is whole: {@code <file>.new.<pid>}. */
  public static final String NEW = ".new.";

  private static final int CHECK_BUFFER = 64 * 1024;

  private KeptFiles() {}

  /**
   * Puts {@code bytes} in {@code file} whole or not at all: written to a new file first, one per
   * process (two instances stopping at once never write into the same one), then moved in place.
   */
  public static void replace(Path file, byte[] bytes) throws IOException {
    deleteLeftBehind(file);
    Path fresh = freshBeside(file);
    Files.write(fresh, bytes);
    moveInPlace(fresh, file);
  }

  /** What a file's body is written by, piece by piece, for a file too large to hold whole. */
  public interface Body {
    void writeTo(DataOutputStream out) throws IOException;
  }

  /**
   * Writes {@code body} with its CRC-32 after it (8 bytes, big-endian: {@link #checked}, {@link
   * #whole}) to a new file beside {@code file} ({@code <file>.new.<pid>}), through a buffer: the
   * new file, whole, not yet in place ({@link #moveInPlace}). Deleted when the body fails.
   */
  public static Path writeNewChecked(Path file, Body body) throws IOException {
    deleteLeftBehind(file);
    Path fresh = freshBeside(file);
    CRC32 crc = new CRC32();
    try (OutputStream stream = Files.newOutputStream(fresh)) {
      DataOutputStream checked =
          new DataOutputStream(
              new CheckedOutputStream(new BufferedOutputStream(stream, CHECK_BUFFER), crc));
      body.writeTo(checked);
      checked.flush();
      new DataOutputStream(stream).writeLong(crc.getValue());
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(fresh);
      throw e;
    }
    return fresh;
  }

  /** Moves a new file ({@link #writeNewChecked}) in place of {@code file}, at once if it can. */
  public static void moveInPlace(Path fresh, Path file) throws IOException {
    try {
      Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Path freshBeside(Path file) {
    return file.resolveSibling(file.getFileName() + NEW + ProcessHandle.current().pid());
  }

  /**
   * Deletes the new files of {@code file} that processes no longer running left beside it (killed
   * while writing it: a gazetteer is 14 MB). A file of a running process, or not named by a process
   * number, is left alone; one that cannot be deleted only stays.
   */
  public static void deleteLeftBehind(Path file) {
    String prefix = file.getFileName() + NEW;
    Path directory = file.toAbsolutePath().getParent();
    try (DirectoryStream<Path> left =
        Files.newDirectoryStream(directory, f -> f.getFileName().toString().startsWith(prefix))) {
      for (Path f : left) {
        if (!running(f.getFileName().toString().substring(prefix.length()))) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Only tidiness: the file itself is written all the same.
    }
  }

  private static boolean running(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return true; // not a file of ours: left alone
    }
  }

  /**
   * As {@link #replace}, with the CRC-32 of {@code body} after it (8 bytes, big-endian), so that a
   * reader can tell a whole file from a damaged one ({@link #checked}).
   */
  public static void replaceChecked(Path file, byte[] body) throws IOException {
    moveInPlace(writeNewChecked(file, out -> out.write(body)), file);
  }

  /**
   * The body of a file {@link #replaceChecked} wrote, read as {@code bytes}, when its checksum
   * holds; empty when it does not (damaged, cut short, not such a file).
   */
  public static Optional<ByteBuffer> checked(byte[] bytes) {
    if (bytes.length < Long.BYTES) {
      return Optional.empty();
    }
    int body = bytes.length - Long.BYTES;
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, body);
    if (crc.getValue() != ByteBuffer.wrap(bytes).getLong(body)) {
      return Optional.empty();
    }
    return Optional.of(ByteBuffer.wrap(bytes, 0, body));
  }

  /**
   * Whether {@code file} is whole as {@link #replaceChecked} wrote it (its last 8 bytes the CRC-32
   * of all before them), read through a small buffer rather than into the heap: large kept files
   * (the match index's snapshot, the gazetteer) are checked so.
   */
  public static boolean whole(FileChannel file) throws IOException {
    long body = file.size() - Long.BYTES;
    if (body < 0) {
      return false;
    }
    CRC32 crc = new CRC32();
    ByteBuffer piece = ByteBuffer.allocate(CHECK_BUFFER);
    for (long at = 0; at < body; ) {
      piece.clear().limit((int) Math.min(CHECK_BUFFER, body - at));
      int read = file.read(piece, at);
      if (read < 0) {
        return false;
      }
      crc.update(piece.flip());
      at += read;
    }
    ByteBuffer trailer = ByteBuffer.allocate(Long.BYTES);
    while (trailer.hasRemaining()) {
      if (file.read(trailer, body + trailer.position()) < 0) {
        return false;
      }
    }
    return crc.getValue() == trailer.getLong(0);
  }
}
