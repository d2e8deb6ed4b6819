package org.aidbridge.routes.signal;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import jdk.net.ExtendedSocketOptions;

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
  private final boolean acknowledgeAtOnce;

  /** A connection as the daemon's side has it: the operating system acknowledges as it likes. */
  JsonLineConnection(SocketChannel channel) {
    this(channel, false);
  }

  /**
   * @param acknowledgeAtOnce acknowledge what is read the moment it is read (TCP_QUICKACK, where
   *     the connection is TCP on Linux): the bot's side, see {@link #acknowledgeWhatWasRead}
   */
  JsonLineConnection(SocketChannel channel, boolean acknowledgeAtOnce) {
    this.channel = channel;
    this.acknowledgeAtOnce =
        acknowledgeAtOnce
            && channel.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
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
      acknowledgeWhatWasRead();
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

  /**
   * Sends the acknowledgement of what was just read now, not up to 40 ms later. signal-cli writes
   * with Nagle's algorithm on (its TCP socket keeps the default): a line it writes while an earlier
   * one is not yet acknowledged waits in its kernel until the acknowledgement comes, and Linux
   * delays that by up to 40 ms when the bot sends nothing back. Measured in the crash harness: the
   * answer to a send, written just after a notification, came 40 to 50 ms after it, all of it
   * between signal-cli sending the message and the bot being able to write the send down. The
   * option is not sticky (the kernel goes back to delaying), so it is set after every read. A UNIX
   * socket has no acknowledgements and no Nagle: nothing to do there.
   */
  private void acknowledgeWhatWasRead() {
    if (!acknowledgeAtOnce) {
      return;
    }
    try {
      channel.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
    } catch (IOException | UnsupportedOperationException e) {
      // Only the head start is lost: the acknowledgement goes when the kernel sends it.
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
