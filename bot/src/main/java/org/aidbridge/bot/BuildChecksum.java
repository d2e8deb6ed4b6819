package org.aidbridge.bot;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
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

/**
 * Which build of the code is running: a SHA-256 over the name, size and CRC-32 of every entry of
 * the jar the bot's classes came from (or, run from a directory of classes, every file's name, size
 * and time), so that anything computed from the code and its resources (the match index's snapshot,
 * the kind gate's model) can be kept in a file and used again only by the very same build.
 */
public final class BuildChecksum {
  private static final Optional<Path> JAR = jarFile();
  private static final long VALUE = checksum();

  private BuildChecksum() {}

  /** The checksum of this build (a value no other build has, short of a SHA-256 collision). */
  public static long value() {
    return VALUE;
  }

  /** The jar the bot runs from; empty when it runs from a directory of classes (tests). */
  public static Optional<Path> jar() {
    return JAR;
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

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
