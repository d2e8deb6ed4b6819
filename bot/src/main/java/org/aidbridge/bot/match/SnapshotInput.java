package org.aidbridge.bot.match;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.aidbridge.bot.KeptFiles;

/**
 * A snapshot file read front to back through a small buffer, in the big-endian form {@link
 * java.io.DataOutputStream} wrote, ending in the CRC-32 of all before it that {@link
 * org.aidbridge.bot.KeptFiles#replaceChecked} puts there. At 100,000 listings the file is about 10
 * MB: read whole into one array, it made the heap (and the process) that much bigger at the busiest
 * moment of a start.
 */
final class SnapshotInput implements AutoCloseable {
  private static final int BUFFER = 64 * 1024;

  private final FileChannel file;
  private final long size;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
  private long bufferStart; // the file position of the buffer's first byte

  SnapshotInput(Path path) throws IOException {
    this.file = FileChannel.open(path);
    this.size = file.size();
    buffer.limit(0);
  }

  /**
   * Whether the last 8 bytes are the CRC-32 of all before them: one pass over the file, after which
   * reading starts again at its beginning.
   */
  boolean whole() throws IOException {
    return size >= 3 * Long.BYTES && KeptFiles.whole(file);
  }

  /** Whether everything but the checksum has been read. */
  boolean atChecksum() {
    return bufferStart + buffer.position() == size - Long.BYTES;
  }

  byte get() throws IOException {
    return need(1).get();
  }

  short getShort() throws IOException {
    return need(Short.BYTES).getShort();
  }

  int getInt() throws IOException {
    return need(Integer.BYTES).getInt();
  }

  long getLong() throws IOException {
    return need(Long.BYTES).getLong();
  }

  double getDouble() throws IOException {
    return need(Double.BYTES).getDouble();
  }

  /** A string written as its length in bytes and its UTF-8. */
  String string() throws IOException {
    int length = getInt();
    if (length < 0 || length > size) {
      throw new IOException("a string of " + length + " bytes");
    }
    if (length <= BUFFER) {
      ByteBuffer in = need(length);
      String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
      in.position(in.position() + length);
      return s;
    }
    byte[] bytes = new byte[length];
    for (int done = 0; done < length; ) {
      int part = Math.min(BUFFER, length - done);
      need(part).get(bytes, done, part);
      done += part;
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Strings written as their count and each {@link #string}. */
  String[] strings() throws IOException {
    int count = getInt();
    if (count < 0 || count > size) {
      throw new IOException(count + " strings");
    }
    String[] strings = new String[count];
    for (int i = 0; i < count; i++) {
      strings[i] = string();
    }
    return strings;
  }

  /** The buffer with at least {@code bytes} unread bytes in it, read from the file if need be. */
  private ByteBuffer need(int bytes) throws IOException {
    return buffer.remaining() >= bytes ? buffer : refill(bytes);
  }

  /**
   * Reads on from the file. A method of its own, called once per 64 KB: inlined into every read of
   * a number, the file read made the optimising compiler spend over half a second of a start
   * compiling the profile reader, which it had finished with by then.
   */
  private ByteBuffer refill(int bytes) throws IOException {
    bufferStart += buffer.position();
    buffer.compact();
    while (buffer.position() < bytes) {
      if (file.read(buffer, bufferStart + buffer.position()) < 0) {
        throw new EOFException("the snapshot ends early");
      }
    }
    buffer.flip();
    return buffer;
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
