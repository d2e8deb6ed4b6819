package org.aidbridge.bot.place;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;

/**
 * The form the read gazetteer takes in memory and in its kept file ({@link PlaceTableFile}): counts
 * and arrays one after the other, little-endian, so that a table is read by taking views of a
 * buffer (heap or mapped file) rather than by building objects. {@link PlaceTable} says what comes
 * in which order.
 */
final class PlaceLayout {
  private PlaceLayout() {}

  /** Writes sections into a buffer of the size asked for. */
  static final class Writer {
    private final ByteBuffer out;

    Writer(int bytes) {
      out = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    Writer count(int value) {
      out.putInt(value);
      return this;
    }

    Writer ints(int[] values, int length) {
      out.asIntBuffer().put(values, 0, length);
      out.position(out.position() + length * Integer.BYTES);
      return this;
    }

    Writer longs(long[] values, int length) {
      out.asLongBuffer().put(values, 0, length);
      out.position(out.position() + length * Long.BYTES);
      return this;
    }

    Writer bytes(byte[] values, int length) {
      out.put(values, 0, length);
      return this;
    }

    /** The whole layout; every byte asked for must have been written. */
    byte[] done() {
      if (out.hasRemaining()) {
        throw new IllegalStateException(out.remaining() + " bytes of the layout not written");
      }
      return out.array();
    }
  }

  /**
   * Reads sections in the order they were written. A count that does not fit what is left throws,
   * so a layout that is not whole is never half used.
   */
  static final class Reader {
    private final ByteBuffer in;

    Reader(ByteBuffer layout) {
      in = layout.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    int count() {
      int value = in.getInt();
      if (value < 0) {
        throw new IllegalArgumentException("negative count in the gazetteer layout");
      }
      return value;
    }

    IntBuffer ints(int length) {
      return section(length, Integer.BYTES).asIntBuffer();
    }

    LongBuffer longs(int length) {
      return section(length, Long.BYTES).asLongBuffer();
    }

    ByteBuffer bytes(int length) {
      return section(length, 1);
    }

    /** Whether every byte has been read. */
    boolean atEnd() {
      return !in.hasRemaining();
    }

    private ByteBuffer section(int length, int width) {
      int bytes = Math.multiplyExact(length, width);
      ByteBuffer section = in.slice(in.position(), bytes).order(ByteOrder.LITTLE_ENDIAN);
      in.position(in.position() + bytes);
      return section;
    }
  }
}
