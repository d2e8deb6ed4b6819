package org.aidbridge.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What tells one build from another: the jar's central directory, read from the jar's end. */
class BuildChecksumTest {
  @TempDir Path dir;

  @Test
  void theCentralDirectoryNamesEveryEntry() throws IOException {
    Path jar = jar("a.jar", "old text", "a comment at the end of the jar");

    byte[] directory = BuildChecksum.centralDirectory(jar).orElseThrow();

    String text = new String(directory, StandardCharsets.ISO_8859_1);
    assertThat(text).contains("org/aidbridge/Words.txt", "META-INF/MANIFEST.MF");
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      assertThat(zip.size()).isEqualTo(2);
    }
  }

  @Test
  void aChangedEntryIsAnotherBuildAndTheSameBytesTheSameBuild() throws IOException {
    long one = checksum(jar("one.jar", "old text", null));
    long same = checksum(jar("same.jar", "old text", null));
    long changed = checksum(jar("changed.jar", "new text", null));

    assertThat(same).isEqualTo(one);
    assertThat(changed).isNotEqualTo(one);
  }

  @Test
  void aFileThatIsNoZipHasNoDirectory() throws IOException {
    Path notZip = Files.writeString(dir.resolve("not.jar"), "just text, no end record");

    assertThat(BuildChecksum.centralDirectory(notZip)).isEmpty();
  }

  private long checksum(Path jar) {
    return BuildChecksum.checksums(BuildChecksum.centralDirectory(jar).orElseThrow());
  }

  /** A jar of one text entry (and a manifest), its entries dated alike so only the text differs. */
  private Path jar(String name, String words, String comment) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (String entry : new String[] {"META-INF/MANIFEST.MF", "org/aidbridge/Words.txt"}) {
        JarEntry e = new JarEntry(entry);
        e.setTime(0);
        out.putNextEntry(e);
        out.write((entry.endsWith(".MF") ? "Manifest-Version: 1.0\n" : words).getBytes());
        out.closeEntry();
      }
      if (comment != null) {
        out.setComment(comment);
      }
    }
    return jar;
  }
}
