package org.aidbridge.bot.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a snapshot through a buffer much smaller than the file, values across its edges. */
class SnapshotInputTest {
  private static final String LONG_TEXT = "ß€".repeat(40_000); // 200,000 bytes of UTF-8

  @TempDir Path dir;

  @Test
  void readsBackWhatWasWrittenAcrossManyBuffers() throws IOException {
    Path file = write(body());

    try (SnapshotInput in = new SnapshotInput(file)) {
      assertThat(in.whole()).isTrue();
      for (int i = 0; i < 30_000; i++) {
        assertThat(in.get()).isEqualTo((byte) i);
        assertThat(in.getInt()).isEqualTo(i * 7);
        assertThat(in.getLong()).isEqualTo(i * 1_000_000_007L);
        assertThat(in.getDouble()).isEqualTo(i / 3.0);
        assertThat(in.getShort()).isEqualTo((short) i);
        assertThat(in.string()).isEqualTo("word " + i);
      }
      assertThat(in.strings()).containsExactly("eins", LONG_TEXT, "ثلاثة");
      assertThat(in.atChecksum()).isTrue();
    }
  }

  @Test
  void aChangedByteOrAFileCutShortIsNotWhole() throws IOException {
    byte[] bytes = Files.readAllBytes(write(body()));
    byte[] changed = bytes.clone();
    changed[changed.length / 2] ^= 4;
    Path damaged = Files.write(dir.resolve("damaged"), changed);
    Path cut = Files.write(dir.resolve("cut"), Arrays.copyOf(bytes, bytes.length - 100));

    try (SnapshotInput in = new SnapshotInput(damaged)) {
      assertThat(in.whole()).isFalse();
    }
    try (SnapshotInput in = new SnapshotInput(cut)) {
      assertThat(in.whole()).isFalse();
    }
  }

  private static byte[] body() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    for (int i = 0; i < 30_000; i++) {
      out.writeByte(i);
      out.writeInt(i * 7);
      out.writeLong(i * 1_000_000_007L);
      out.writeDouble(i / 3.0);
      out.writeShort(i);
      writeString(out, "word " + i);
    }
    out.writeInt(3);
    for (String s : new String[] {"eins", LONG_TEXT, "ثلاثة"}) {
      writeString(out, s);
    }
    return bytes.toByteArray();
  }

  private Path write(byte[] body) throws IOException {
    CRC32 crc = new CRC32();
    crc.update(body);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(body);
    out.writeLong(crc.getValue());
    return Files.write(dir.resolve("snapshot"), bytes.toByteArray());
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }
}
