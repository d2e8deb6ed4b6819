package org.aidbridge.bot.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Match;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.store.Store;

/**
 * The numbers a coordinator asks for with {@code stats}: what is open, by category and area, how
 * many matches were made and how long a need waits for one (the median).
 */
public record Stats(
    long openNeeds,
    long openOffers,
    String byCategory,
    String byArea,
    long matches,
    Optional<Duration> medianTimeToMatch,
    String escalations) {

  private static final int TOP_AREAS = 5;

  public static Stats of(Store store, Instant now) {
    List<Listing> all = store.allListings();
    List<Listing> open =
        all.stream().filter(l -> l.status().active() && l.expiresAt().isAfter(now)).toList();
    Map<String, Long> categories = new TreeMap<>();
    open.forEach(l -> l.categories().forEach(c -> categories.merge(c.id(), 1L, Long::sum)));
    Map<String, Long> areas =
        open.stream()
            .filter(l -> l.place() != null)
            .collect(
                Collectors.groupingBy(
                    l -> l.place().display(), TreeMap::new, Collectors.counting()));
    List<Duration> waits = new ArrayList<>();
    long matches = 0;
    for (Listing need : all) {
      if (need.kind() == Kind.NEED
          && (need.status() == Status.MATCHED || need.status() == Status.FULFILLED)) {
        List<Match> found = store.matchesOf(need.id());
        matches += found.size();
        found.stream()
            .map(Match::createdAt)
            .min(Instant::compareTo)
            .ifPresent(first -> waits.add(Duration.between(need.createdAt(), first)));
      }
    }
    return new Stats(
        open.stream().filter(l -> l.kind() == Kind.NEED).count(),
        open.stream().filter(l -> l.kind() == Kind.OFFER).count(),
        join(categories),
        join(top(areas)),
        matches,
        median(waits),
        rings(store.escalationsPerRing()));
  }

  /** "ring 1: 3, ring 2: 1": how many unmet needs reached each farther ring (1 is the first). */
  private static String rings(Map<Integer, Long> perRing) {
    return perRing.isEmpty()
        ? "\u2014"
        : perRing.entrySet().stream()
            .map(e -> (e.getKey() + 1) + ": " + e.getValue())
            .collect(Collectors.joining(", "));
  }

  private static Map<String, Long> top(Map<String, Long> areas) {
    Map<String, Long> top = new TreeMap<>();
    areas.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(TOP_AREAS)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }

  private static String join(Map<String, Long> counts) {
    return counts.isEmpty()
        ? "\u2014"
        : counts.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
  }

  private static Optional<Duration> median(List<Duration> waits) {
    if (waits.isEmpty()) {
      return Optional.empty();
    }
    List<Duration> sorted = waits.stream().sorted().toList();
    return Optional.of(sorted.get(sorted.size() / 2));
  }
}
