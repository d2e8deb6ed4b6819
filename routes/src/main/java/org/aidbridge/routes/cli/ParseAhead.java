package org.aidbridge.routes.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.aidbridge.bot.model.Listing;

/**
 * Reads a spreadsheet's rows and turns each into a listing on a thread of its own, at most {@code
 * ahead} rows ahead of the thread that stores them: reading a row's text (the parser, the
 * gazetteer) costs about as much as storing it, and on two cores the two then take turns less. The
 * rows come out in the file's order; only this thread parses, only the caller's stores.
 */
final class ParseAhead implements AutoCloseable {
  /** A row, with its listing or why it could not be one; or the end, or the reader's failure. */
  record Parsed(ImportRow row, Listing listing, String problem, Exception failure) {
    boolean end() {
      return row == null;
    }
  }

  private static final Parsed END = new Parsed(null, null, null, null);

  private final BlockingQueue<Parsed> queue;
  private final Thread reader;
  private volatile boolean closed;

  ParseAhead(Reader csv, ImportRowMapper mapper, int ahead) {
    this.queue = new ArrayBlockingQueue<>(ahead);
    this.reader = new Thread(() -> readAll(csv, mapper), "import-parse");
    reader.setDaemon(true);
    reader.start();
  }

  /** The next row in the file's order; {@link Parsed#end()} after the last. */
  Parsed next() throws IOException {
    Parsed next;
    try {
      next = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the file", e);
    }
    if (next.failure() instanceof IOException io) {
      throw io;
    }
    if (next.failure() instanceof RuntimeException runtime) {
      throw runtime;
    }
    return next;
  }

  private void readAll(Reader csv, ImportRowMapper mapper) {
    Parsed last;
    try {
      ListingImporter.read(csv, row -> put(parse(row, mapper)));
      last = END;
    } catch (IOException | RuntimeException e) {
      last = new Parsed(null, null, null, e);
    }
    try {
      put(last);
    } catch (IllegalStateException stopped) {
      // The storing side failed and closed: nobody waits for the rest.
    }
  }

  private static Parsed parse(ImportRow row, ImportRowMapper mapper) {
    try {
      return new Parsed(row, mapper.toListing(row), null, null);
    } catch (IllegalArgumentException e) {
      return new Parsed(row, null, e.getMessage(), null);
    }
  }

  /** Waits for room; gives up (ending the reading) once the storing side has closed. */
  private void put(Parsed parsed) {
    try {
      while (!closed) {
        if (queue.offer(parsed, 100, TimeUnit.MILLISECONDS)) {
          return;
        }
      }
      throw new IllegalStateException("the import stopped");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the import stopped", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      reader.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
