package org.aidbridge.bot;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * Which build of the code is running: checksums of the jar's central directory, which holds the
 * name, sizes, time and CRC-32 of every entry of the jar the bot's classes came from (or, run from
 * a directory of classes, a SHA-256 over every file's name, size and time), so that anything
 * computed from the code and its resources (the match index's snapshot, the kind gate's model) can
 * be kept in a file and used again only by the very same build. The directory is read as the jar
 * keeps it, in one piece, and summed by the JDK's native CRC-32 and Adler-32: walking the entries
 * one by one, or a SHA-256 of the directory before the compiler had made it fast, cost a tenth of a
 * second of every start. The checksums only tell builds apart; nothing is secured by them.
 */
public final class BuildChecksum {
  private static final Optional<Path> JAR = jarFile();

  /** Summed on first use, so that asking only where the jar is (the SQLite library) costs none. */
  private static final class Value {
    static final long VALUE = checksum();
  }

  private BuildChecksum() {}

  /** The checksum of this build (a value no other build has, short of a collision). */
  public static long value() {
    return Value.VALUE;
  }

  /** The jar the bot runs from; empty when it runs from a directory of classes (tests). */
  public static Optional<Path> jar() {
    return JAR;
  }

  /**
   * {@code <jar><suffix>} beside the jar the bot runs from, where it keeps what it computed from
   * the build; empty when it runs from a directory of classes.
   */
  public static Optional<Path> besideJar(String suffix) {
    return JAR.map(j -> j.resolveSibling(j.getFileName() + suffix));
  }

  private static Optional<Path> jarFile() {
    try {
      Path where =
          Path.of(BuildChecksum.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(where) ? Optional.of(where) : Optional.empty();
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static long checksum() {
    Optional<byte[]> directory = JAR.flatMap(BuildChecksum::centralDirectory);
    if (directory.isPresent()) {
      return checksums(directory.get());
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      if (JAR.isPresent()) {
        try (JarFile jar = new JarFile(JAR.get().toFile())) {
          Enumeration<JarEntry> entries = jar.entries();
          while (entries.hasMoreElements()) {
            JarEntry e = entries.nextElement();
            sha.update(utf8(e.getName() + "|" + e.getCrc() + "|" + e.getSize() + "\n"));
          }
        }
      } else {
        Path classes =
            Path.of(
                BuildChecksum.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            sha.update(
                utf8(
                    f
                        + "|"
                        + Files.size(f)
                        + "|"
                        + Files.getLastModifiedTime(f).toMillis()
                        + "\n"));
          }
        }
      }
      return ByteBuffer.wrap(sha.digest()).getLong();
    } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
      return System.nanoTime() ^ Double.doubleToLongBits(Math.random()); // nothing kept matches it
    }
  }

  /** The CRC-32 and the Adler-32 of {@code bytes}, in one number. */
  static long checksums(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    Adler32 adler = new Adler32();
    adler.update(bytes);
    return crc.getValue() << 32 | adler.getValue();
  }

  /**
   * The central directory of the zip file {@code jar}, found from the end record in its last bytes;
   * empty when there is none to be found that way (a zip64 file, a damaged one).
   */
  static Optional<byte[]> centralDirectory(Path jar) {
    try (FileChannel file = FileChannel.open(jar)) {
      int tail = (int) Math.min(file.size(), END_RECORD + MAX_COMMENT);
      ByteBuffer end = readFully(file, file.size() - tail, tail);
      for (int at = tail - END_RECORD; at >= 0; at--) {
        if (end.getInt(at) == END_SIGNATURE) {
          long size = Integer.toUnsignedLong(end.getInt(at + 12));
          long offset = Integer.toUnsignedLong(end.getInt(at + 16));
          if (size == ZIP64 || offset == ZIP64 || offset + size > file.size()) {
            return Optional.empty();
          }
          return Optional.of(readFully(file, offset, (int) size).array());
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static final int END_RECORD = 22; // the end of central directory record, without comment
  private static final int MAX_COMMENT = 0xffff;
  private static final int END_SIGNATURE = 0x06054b50;
  private static final long ZIP64 = 0xffffffffL; // the real value is in a zip64 record instead

  private static ByteBuffer readFully(FileChannel file, long position, int length)
      throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (bytes.hasRemaining()) {
      if (file.read(bytes, position + bytes.position()) < 0) {
        throw new IOException("the file ends early");
      }
    }
    return bytes;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
