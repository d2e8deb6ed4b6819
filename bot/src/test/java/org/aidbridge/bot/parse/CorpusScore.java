package org.aidbridge.bot.parse;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Kind;

/** Precision, recall and F1 per kind, and category agreement, over one language's corpus. */
final class CorpusScore {

  static final List<String> KINDS = List.of("need", "offer", "none");

  private final Map<String, int[]> counts = new HashMap<>(); // true pos, false pos, false neg
  private int categoryCases;
  private int categoryExact;
  private int categoryTruePos;
  private int categoryFalsePos;
  private int categoryFalseNeg;
  private int total;
  private int chatter;
  private int falseListings;
  private int falseNeeds;
  private int asked;

  static String label(Kind kind) {
    return kind == null ? "none" : kind.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Adds a message as the bot acts on it: a listing only when the parser is at least {@code
   * listingMin} sure; a reading between {@code askMin} and that is counted as asked (in a private
   * chat the bot asks; in a group it stays silent), and scored as no listing.
   */
  void add(
      String expectedKind,
      Set<Category> expectedCategories,
      ParsedMessage parsed,
      double listingMin,
      double askMin) {
    if (parsed.isListing() && !parsed.isListingAt(listingMin) && parsed.isListingAt(askMin)) {
      asked++;
    }
    add(
        expectedKind,
        expectedCategories,
        parsed.isListingAt(listingMin) ? parsed : ParsedMessage.none(parsed.language()));
  }

  void add(String expectedKind, Set<Category> expectedCategories, ParsedMessage parsed) {
    total++;
    if (expectedKind.equals("none")) {
      chatter++;
      if (parsed.isListing()) {
        falseListings++;
        falseNeeds += parsed.kind() == Kind.NEED ? 1 : 0;
      }
    }
    String actual = label(parsed.kind());
    if (expectedKind.equals(actual)) {
      counts(actual)[0]++;
    } else {
      counts(actual)[1]++;
      counts(expectedKind)[2]++;
    }
    if (!expectedKind.equals("none") && parsed.isListing()) {
      categoryCases++;
      Set<Category> found = parsed.categories();
      if (found.equals(expectedCategories)) {
        categoryExact++;
      }
      Set<Category> hit = EnumSet.noneOf(Category.class);
      hit.addAll(found);
      hit.retainAll(expectedCategories);
      categoryTruePos += hit.size();
      categoryFalsePos += found.size() - hit.size();
      categoryFalseNeg += expectedCategories.size() - hit.size();
    }
  }

  private int[] counts(String kind) {
    return counts.computeIfAbsent(kind, k -> new int[3]);
  }

  double precision(String kind) {
    int[] c = counts(kind);
    return ratio(c[0], c[0] + c[1]);
  }

  double recall(String kind) {
    int[] c = counts(kind);
    return ratio(c[0], c[0] + c[2]);
  }

  double f1(String kind) {
    double p = precision(kind);
    double r = recall(kind);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Share of listings (expected and parsed as such) whose category set is exactly right. */
  double categoryExactAccuracy() {
    return ratio(categoryExact, categoryCases);
  }

  double categoryF1() {
    double p = ratio(categoryTruePos, categoryTruePos + categoryFalsePos);
    double r = ratio(categoryTruePos, categoryTruePos + categoryFalseNeg);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Share of chatter (expected none) that became a need or an offer. */
  double falseListingRate() {
    return ratio(falseListings, chatter);
  }

  int total() {
    return total;
  }

  int asked() {
    return asked;
  }

  int categoryCases() {
    return categoryCases;
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }

  String table(String language) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%n== corpus %s: %d messages ==%n", language, total));
    out.append(
        String.format(Locale.ROOT, "%-6s %9s %9s %9s%n", "kind", "precision", "recall", "F1"));
    for (String kind : KINDS) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-6s %9.3f %9.3f %9.3f%n",
              kind,
              precision(kind),
              recall(kind),
              f1(kind)));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "categories on %d listings: exact set %.3f, label F1 %.3f%n",
            categoryCases,
            categoryExactAccuracy(),
            categoryF1()));
    out.append(
        String.format(
            Locale.ROOT,
            "false listings: %d of %d chatter messages = %.3f (as need %d, as offer %d);"
                + " asked (middle band): %d%n",
            falseListings,
            chatter,
            falseListingRate(),
            falseNeeds,
            falseListings - falseNeeds,
            asked));
    return out.toString();
  }
}
