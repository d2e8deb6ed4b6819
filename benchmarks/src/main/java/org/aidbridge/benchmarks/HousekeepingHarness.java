package org.aidbridge.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.service.Housekeeping;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;

/**
 * How long a message arriving during a housekeeping run waits for the database. Copies a database
 * (e.g. 100,000 imported listings), runs housekeeping once at a time when every listing is past its
 * end, and meanwhile stores an inbound payload again and again from another thread, as a channel's
 * reading thread does: the longest of those waits is the longest transaction the run held.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.aidbridge.benchmarks.HousekeepingHarness DB [days-ahead] [paged|one]}. {@code one} wraps the
 * run in one outer transaction (its pages become savepoints), as housekeeping was before it
 * committed page by page. {@code retention} first runs housekeeping untimed 380 days earlier (every
 * listing expires, none is old enough for the retention), then times the run at DAYS, which has
 * only the retention to do: the erasure of every listing, alone. {@code messages N} (DB may be
 * {@code new}, an empty database) first adds N handled inbound messages and N sent answers received
 * and sent 31 days before the run, over one day (what a busy day leaves), then times a run that has
 * only their retention to do: deleting them all.
 */
public final class HousekeepingHarness {
  private HousekeepingHarness() {}

  public static void main(String[] args) throws Exception {
    Path source = Path.of(args[0]);
    long daysAhead = args.length > 1 ? Long.parseLong(args[1]) : 400;
    boolean oneTransaction = args.length > 2 && args[2].equals("one");
    boolean retentionOnly = args.length > 2 && args[2].equals("retention");
    boolean messages = args.length > 2 && args[2].equals("messages");
    Path copy = Files.createTempFile("aidbridge-housekeeping", ".db");
    if (source.toString().equals("new")) {
      Files.delete(copy);
    } else {
      Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
    }
    Instant now = Instant.now().plus(Duration.ofDays(daysAhead));
    if (messages) {
      OldMessages.add(copy, args.length > 3 ? Integer.parseInt(args[3]) : 100_000, now);
    }
    try (Store store = SqliteStore.open(copy.toString())) {
      Housekeeping housekeeping =
          Bots.housekeeping(store, BotSettings.DEFAULT, Clock.fixed(now, ZoneOffset.UTC));
      if (retentionOnly) {
        Instant expiry = now.minus(Duration.ofDays(380));
        Bots.housekeeping(store, BotSettings.DEFAULT, Clock.fixed(expiry, ZoneOffset.UTC))
            .run(expiry);
      }
      if (messages) {
        // Arriving messages first stored untimed, so that the longest wait is the run's, not that
        // of the first store on code not yet compiled.
        for (int i = 0; i < 2_000; i++) {
          store.storeRawInbound(Channel.TELEGRAM, "{\"update_id\":-" + i + "}", now);
        }
      }
      Prober prober = new Prober(store, now);
      Thread probing = new Thread(prober, "arriving-messages");
      probing.start();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long cpuStart = threads.getCurrentThreadCpuTime();
      long wallStart = System.nanoTime();
      List<OutboundMessage> queued =
          oneTransaction ? store.inTransaction(() -> housekeeping.run(now)) : housekeeping.run(now);
      long wall = System.nanoTime() - wallStart;
      long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
      prober.stop.set(true);
      probing.join();
      System.out.printf(
          "%s: run %.2f s wall, %.2f s CPU, %d message(s) queued; %d arriving message(s) stored"
              + " meanwhile, mean wait %.1f ms, longest %.1f ms (from %.2f s on), %d over 100 ms%n",
          oneTransaction
              ? "one transaction"
              : retentionOnly ? "retention only" : messages ? "old messages" : "page by page",
          wall / 1e9,
          cpu / 1e9,
          queued.size(),
          prober.stored.get(),
          prober.totalNanos.get() / 1e6 / Math.max(1, prober.stored.get()),
          prober.longestNanos.get() / 1e6,
          prober.longestAt.get() / 1e9,
          prober.over100ms.get());
      System.out.printf(
          "waits: median %.1f ms, 99th percentile %.1f ms%n",
          prober.percentile(0.5) / 1e6, prober.percentile(0.99) / 1e6);
    } finally {
      Files.deleteIfExists(copy);
      Files.deleteIfExists(Path.of(copy + "-wal"));
      Files.deleteIfExists(Path.of(copy + "-shm"));
    }
  }

  /** Stores a raw inbound payload again and again, timing each. */
  private static final class Prober implements Runnable {
    private final Store store;
    private final Instant now;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong longestNanos = new AtomicLong();
    private final AtomicLong longestAt = new AtomicLong();
    private final AtomicLong over100ms = new AtomicLong();
    private final AtomicLong totalNanos = new AtomicLong();
    private final java.util.List<Long> waits =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final long begun = System.nanoTime();

    /** The wait that {@code share} of the arriving messages did not exceed, in nanoseconds. */
    long percentile(double share) {
      java.util.List<Long> sorted = new java.util.ArrayList<>(waits);
      java.util.Collections.sort(sorted);
      return sorted.isEmpty()
          ? 0
          : sorted.get((int) Math.min(sorted.size() - 1, share * sorted.size()));
    }

    Prober(Store store, Instant now) {
      this.store = store;
      this.now = now;
    }

    @Override
    public void run() {
      while (!stop.get()) {
        long start = System.nanoTime();
        store.storeRawInbound(Channel.TELEGRAM, "{\"update_id\":" + stored.get() + "}", now);
        long waited = System.nanoTime() - start;
        totalNanos.addAndGet(waited);
        waits.add(waited);
        if (waited > longestNanos.get()) {
          longestNanos.set(waited);
          longestAt.set(start - begun);
        }
        if (waited > 100_000_000L) {
          over100ms.incrementAndGet();
        }
        stored.incrementAndGet();
        // A message a millisecond: a busy network, and room for the run to take the connection.
        LockSupport.parkNanos(1_000_000);
      }
    }
  }
}
