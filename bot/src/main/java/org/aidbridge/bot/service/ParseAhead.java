package org.aidbridge.bot.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import org.aidbridge.bot.parse.ListingParser;
import org.aidbridge.bot.parse.ParseContext;
import org.aidbridge.bot.parse.ParsedMessage;

/**
 * Reads the texts of a batch of messages on a thread of its own while the batch is handled, so that
 * a second processor core does the parsing (about a seventh of the handling thread's time) instead
 * of waiting. The handling thread takes each reading when it comes to it; one not started yet it
 * does itself, and one under way it waits for. A reading ahead is only ever used for exactly the
 * text, language hint and home country it was made for, at the moment the handling thread gives
 * ({@link ListingParser#readAhead}), so a message reads the same whether it was read ahead or not.
 */
public final class ParseAhead {

  /** One daemon thread for the process: the handling threads do the reading it has not reached. */
  private static final ExecutorService READER =
      Executors.newSingleThreadExecutor(
          work -> {
            Thread thread = new Thread(work, "parse-ahead");
            thread.setDaemon(true);
            return thread;
          });

  private final ListingParser parser;
  private final Map<Wanted, FutureTask<ListingParser.Reading>> started = new ConcurrentHashMap<>();

  public ParseAhead(ListingParser parser) {
    this.parser = parser;
  }

  /** A text to read, with what its reading depends on besides the moment. */
  public record Wanted(String text, String languageHint, String homeCountry) {

    static Wanted of(String text, ParseContext context) {
      return new Wanted(text, context.languageHint(), context.homeCountry());
    }
  }

  /** The readings of one batch, started; closing it drops those nobody took. */
  public final class Batch implements AutoCloseable {
    private final List<Map.Entry<Wanted, FutureTask<ListingParser.Reading>>> own =
        new ArrayList<>();

    private Batch(List<Wanted> texts) {
      for (Wanted wanted : texts) {
        FutureTask<ListingParser.Reading> task =
            new FutureTask<>(
                () ->
                    parser.readAhead(
                        wanted.text(),
                        new ParseContext(wanted.languageHint(), null, wanted.homeCountry())));
        // A text wanted twice is read once: its reading is the same.
        if (started.putIfAbsent(wanted, task) == null) {
          own.add(Map.entry(wanted, task));
          READER.execute(task);
        }
      }
    }

    @Override
    public void close() {
      for (Map.Entry<Wanted, FutureTask<ListingParser.Reading>> entry : own) {
        entry.getValue().cancel(false);
        started.remove(entry.getKey(), entry.getValue());
      }
    }
  }

  /** Starts reading {@code texts} on the reading thread. */
  public Batch start(List<Wanted> texts) {
    return new Batch(texts);
  }

  /** As {@link ListingParser#parse}, with the reading made ahead if there is one for it. */
  public ParsedMessage parse(String text, ParseContext context) {
    FutureTask<ListingParser.Reading> ahead = started.get(Wanted.of(text, context));
    if (ahead == null) {
      return parser.parse(text, context);
    }
    ahead.run(); // does nothing if the reading thread has started it or done it
    try {
      return ahead.get().at(context.now());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return parser.parse(text, context);
    } catch (ExecutionException | CancellationException e) {
      // Cancelled by its batch's end in another thread, or failed: read here as if never ahead.
      return parser.parse(text, context);
    }
  }
}
