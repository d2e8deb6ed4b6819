package org.aidbridge.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.aidbridge.bot.match.Matcher;
import org.aidbridge.bot.model.Listing;

/**
 * Each match timed on its own, on {@link MatchBenchmark}'s data, through the index and by scoring
 * every offer, in one run: the percentiles (p50, p99, p99.9) of the thread's CPU time and of wall
 * time, the bytes each match allocates, and the collections during the index's matches. On a
 * machine shared with other builds a single match's wall time mostly measures the waits for a core;
 * its CPU time does not, so the gap between the two says how much of a tail is the machine's. Run:
 * {@code java -Xmx256m -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar
 * org.aidbridge.benchmarks.MatchLatency [matches] [sizes...]}.
 */
public final class MatchLatency {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private MatchLatency() {}

  public static void main(String[] args) {
    int matches = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    List<Integer> sizes = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      sizes.add(Integer.parseInt(args[i]));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(1_000, 10_000, 100_000);
    }
    System.out.println(
        "open offers | way | matches | CPU p50 / p99 / p99.9 / max ms | wall p50 / p99 / p99.9 ms"
            + " | KB allocated per match | collections (ms)");
    for (int size : sizes) {
      run(size, matches);
    }
  }

  private static void run(int openListings, int matches) {
    try (MatchWorld world = MatchWorld.of(openListings, 1024)) {
      Matcher matcher = world.matcher();
      List<Listing> needs = world.needs();
      Consumer<Listing> index = n -> matcher.matchesFor(n, MatchBenchmark.NOW, 3);
      Consumer<Listing> scan = n -> matcher.matchesByFullScan(n, MatchBenchmark.NOW, 3);
      int scans = Math.max(200, Math.min(matches, 2_000_000 / openListings));
      time(needs, index, matches); // warm-up
      time(needs, scan, scans / 2);
      Timings i = time(needs, index, matches);
      Timings s = time(needs, scan, scans);
      i.print(openListings, "index");
      s.print(openListings, "full scan");
      System.out.printf(
          "%,d | scan / index | | CPU p50 %.0fx, mean %.0fx | wall p50 %.0fx | |%n",
          openListings,
          s.cpu[s.cpu.length / 2] / i.cpu[i.cpu.length / 2],
          s.meanCpu() / i.meanCpu(),
          s.wall[s.wall.length / 2] / i.wall[i.wall.length / 2]);
    }
  }

  private static Timings time(List<Listing> needs, Consumer<Listing> match, int count) {
    double[] cpu = new double[count];
    double[] wall = new double[count];
    long gcCount = collections();
    long gcMillis = collectionMillis();
    long allocated = THREADS.getCurrentThreadAllocatedBytes();
    for (int k = 0; k < count; k++) {
      Listing need = needs.get(k % needs.size());
      long w = System.nanoTime();
      long c = THREADS.getCurrentThreadCpuTime();
      match.accept(need);
      cpu[k] = (THREADS.getCurrentThreadCpuTime() - c) / 1e6;
      wall[k] = (System.nanoTime() - w) / 1e6;
    }
    long bytes = THREADS.getCurrentThreadAllocatedBytes() - allocated;
    Arrays.sort(cpu);
    Arrays.sort(wall);
    return new Timings(
        cpu, wall, bytes / count, collections() - gcCount, collectionMillis() - gcMillis);
  }

  private record Timings(double[] cpu, double[] wall, long bytesPerMatch, long gcs, long gcMillis) {
    double at(double[] sorted, double share) {
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)];
    }

    double meanCpu() {
      return Arrays.stream(cpu).average().orElse(0);
    }

    void print(int size, String way) {
      System.out.printf(
          "%,d | %s | %,d | %.3f / %.3f / %.3f / %.3f | %.3f / %.3f / %.3f | %.1f | %d (%d ms)%n",
          size,
          way,
          cpu.length,
          at(cpu, 0.5),
          at(cpu, 0.99),
          at(cpu, 0.999),
          cpu[cpu.length - 1],
          at(wall, 0.5),
          at(wall, 0.99),
          at(wall, 0.999),
          bytesPerMatch / 1024.0,
          gcs,
          gcMillis);
    }
  }

  private static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount)
        .sum();
  }

  private static long collectionMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
        .sum();
  }
}
