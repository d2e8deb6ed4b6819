package org.aidbridge.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.aidbridge.bot.parse.LexiconParser;
import org.aidbridge.bot.parse.ParseContext;
import org.aidbridge.bot.place.Gazetteer;

/**
 * Messages parsed per CPU-second of one thread, on {@link ParseBenchmark}'s twelve messages. On a
 * shared, loaded machine JMH's wall-clock throughput measures the load; the thread's CPU time does
 * not (though caches shared with other work still add noise, so compare runs taken side by side).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.aidbridge.benchmarks.ParseCpuHarness [runs]
 * </pre>
 */
public final class ParseCpuHarness {

  private static final int WARM_UP = 300_000;
  private static final int PER_RUN = 400_000;

  private ParseCpuHarness() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    List<String> messages = ParseBenchmark.MESSAGES;
    LexiconParser parser = new LexiconParser(Gazetteer.loadDefault());
    ParseContext context = ParseContext.at(Instant.parse("2026-05-01T10:00:00Z"));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sink = parseMany(parser, context, messages, WARM_UP);
    for (int run = 0; run < runs; run++) {
      long start = threads.getCurrentThreadCpuTime();
      sink += parseMany(parser, context, messages, PER_RUN);
      double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT, "run %d: %.0f messages per CPU-second%n", run, PER_RUN / seconds);
    }
    // Printed so that the parsing cannot be optimised away.
    System.out.println("checksum " + sink);
  }

  private static long parseMany(
      LexiconParser parser, ParseContext context, List<String> messages, int count) {
    long sink = 0;
    for (int i = 0; i < count; i++) {
      sink += parser.parse(messages.get(i % messages.size()), context).language().length();
    }
    return sink;
  }
}
