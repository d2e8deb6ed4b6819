package org.aidbridge.bot.parse.lexicon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Choosing among overlapping matches: the longest wins, then the one whose tag ranks first. */
public final class Hits {

  private Hits() {}

  /**
   * Non-overlapping hits, longest first; among equally long ones the tag earlier in {@code ranking}
   * wins (tags not ranked come last), then the earlier one. Returned in text order.
   */
  public static List<Hit> select(List<Hit> hits, List<String> ranking) {
    // Each hit's rank is looked up once, not at every comparison of the sort.
    List<Ranked> sorted = new ArrayList<>(hits.size());
    for (Hit hit : hits) {
      sorted.add(new Ranked(hit, rank(ranking, hit.tag())));
    }
    sorted.sort(
        Comparator.comparingInt((Ranked r) -> -r.hit().length())
            .thenComparingInt(Ranked::rank)
            .thenComparingInt(r -> r.hit().start()));
    List<Hit> chosen = new ArrayList<>();
    for (Ranked ranked : sorted) {
      if (!overlapsAny(ranked.hit(), chosen)) {
        chosen.add(ranked.hit());
      }
    }
    chosen.sort(Comparator.comparingInt(Hit::start));
    return chosen;
  }

  private record Ranked(Hit hit, int rank) {}

  private static boolean overlapsAny(Hit hit, List<Hit> chosen) {
    for (Hit other : chosen) {
      if (hit.overlaps(other)) {
        return true;
      }
    }
    return false;
  }

  private static int rank(List<String> ranking, String tag) {
    int index = ranking.indexOf(tag);
    return index < 0 ? ranking.size() : index;
  }

  /**
   * Hits not inside a longer one: "hearing aid" hides "hearing", but two phrases on the same words
   * ("gloves" as clothing and as medical supplies) both stay.
   */
  public static List<Hit> maximal(List<Hit> hits) {
    List<Hit> kept = new ArrayList<>();
    for (Hit hit : hits) {
      boolean inside = false;
      for (Hit other : hits) {
        if (other.length() > hit.length()
            && other.start() <= hit.start()
            && other.end() >= hit.end()) {
          inside = true;
          break;
        }
      }
      if (!inside) {
        kept.add(hit);
      }
    }
    return kept;
  }
}
