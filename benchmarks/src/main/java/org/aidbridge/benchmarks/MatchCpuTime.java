package org.aidbridge.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import org.aidbridge.bot.match.Matcher;
import org.aidbridge.bot.model.Listing;

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
    try (MatchWorld world = MatchWorld.of(openListings, 64)) {
      Matcher matcher = world.matcher();
      List<Listing> needs = world.needs();
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
