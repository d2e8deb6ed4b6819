package org.aidbridge.routes.signal;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * One connection to the daemon with signal-cli's framing: one JSON object per line, UTF-8, in both
 * directions.
 *
 * <p>Reads and writes go straight to the channel (not through {@code Channels.newInputStream},
 * whose blocking read would hold a lock that writes also need), so a write never waits for a read.
 */
final class JsonLineConnection implements Closeable {
  /**
   * A line longer than this is not signal-cli talking; it is dropped rather than kept in memory.
   */
  static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

  private final SocketChannel channel;
  private final Object writeLock = new Object();

  JsonLineConnection(SocketChannel channel) {
    this.channel = channel;
  }

  /** Writes one line (a newline is added). */
  void writeLine(String json) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8));
    synchronized (writeLock) {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    }
  }

  /**
   * Reads lines and hands each to {@code onLine} until the other side closes or the connection is
   * closed; then returns (an I/O error is thrown).
   */
  void readLines(Consumer<String> onLine) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean overlong = false;
    while (channel.read(buffer) >= 0) {
      buffer.flip();
      while (buffer.hasRemaining()) {
        byte b = buffer.get();
        if (b == '\n') {
          if (!overlong && line.size() > 0) {
            onLine.accept(line.toString(StandardCharsets.UTF_8));
          }
          line.reset();
          overlong = false;
        } else if (line.size() < MAX_LINE_BYTES) {
          line.write(b);
        } else {
          overlong = true;
        }
      }
      buffer.clear();
    }
  }

  boolean isOpen() {
    return channel.isOpen();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
