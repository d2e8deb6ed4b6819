package org.aidbridge.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.aidbridge.bot.match.MatchScorer;
import org.aidbridge.bot.match.Matcher;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;

/**
 * The CPU time one thread spends matching a need on {@link MatchBenchmark}'s data, through the
 * index and by scoring every offer, measured with the thread's CPU clock: on a machine shared with
 * other builds, wall time mostly measures the waits for a core, CPU time does not. Prints the
 * median over rounds of 64 needs. Run: {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar
 * org.aidbridge.benchmarks.MatchCpuTime [openListings] [rounds]}.
 */
public final class MatchCpuTime {
  private MatchCpuTime() {}

  public static void main(String[] args) {
    int openListings = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    try (Store store = SqliteStore.open(":memory:")) {
      Matcher matcher = new Matcher(store, new MatchScorer(150));
      SplittableRandom random = new SplittableRandom(42);
      store.inTransaction(
          () -> {
            for (int i = 0; i < openListings; i++) {
              store.insertListing(MatchBenchmark.listing(random, Kind.OFFER, i));
            }
          });
      List<Listing> needs = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        needs.add(MatchBenchmark.listing(random, Kind.NEED, -i));
      }
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      double[] index = new double[rounds];
      double[] scan = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        long start = cpu.getCurrentThreadCpuTime();
        for (int k = 0; k < 10; k++) {
          needs.forEach(n -> matcher.matchesFor(n, MatchBenchmark.NOW, 3));
        }
        index[r] = (cpu.getCurrentThreadCpuTime() - start) / 1e6 / (10 * needs.size());
        start = cpu.getCurrentThreadCpuTime();
        needs.forEach(n -> matcher.matchesByFullScan(n, MatchBenchmark.NOW, 3));
        scan[r] = (cpu.getCurrentThreadCpuTime() - start) / 1e6 / needs.size();
      }
      double i = median(index);
      double s = median(scan);
      System.out.printf(
          "%d open offers: index %.4f ms CPU per need, full scan %.3f ms, %.0f times as much%n",
          openListings, i, s, s / i);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
