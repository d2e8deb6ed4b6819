package org.aidbridge.bot.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.aidbridge.bot.model.Category;
import org.junit.jupiter.api.Test;

/**
 * Measures the parser on corpus files outside the project, named by path, and prints only the
 * figures: a blind set must be measured without anyone reading its messages or the parser's misses
 * on it. Runs only when asked:
 *
 * <pre>
 * mvn -o -q -pl bot test -Dtest=CorpusMeasureTest -Dcorpus.files=/path/en.tsv,/path/es.tsv \
 *     -Dcorpus.out=/path/tables.txt
 * </pre>
 *
 * Each file is {@code kind<TAB>categories<TAB>text} as in the corpus; its language is the file name
 * before the first dot or dash. The false-listing rate is the share of chatter ({@code none}) that
 * the parser turned into a need or an offer.
 */
class CorpusMeasureTest {

  private static final ParseContext CONTEXT =
      ParseContext.at(Instant.parse("2026-11-24T10:00:00Z"));

  @Test
  void printsTheFiguresOfTheNamedFiles() throws IOException {
    String files = System.getProperty("corpus.files", "");
    assumeTrue(!files.isBlank(), "no -Dcorpus.files given");
    StringBuilder out = new StringBuilder();
    for (String file : files.split(",")) {
      out.append(measure(Path.of(file.strip())));
    }
    System.out.print(out);
    String target = System.getProperty("corpus.out", "");
    if (!target.isBlank()) {
      Files.writeString(Path.of(target), out, StandardCharsets.UTF_8);
    }
    assertThat(out).isNotEmpty();
  }

  private static String measure(Path file) throws IOException {
    String name = file.getFileName().toString().split("[.-]", 2)[0];
    double listingMin =
        Double.parseDouble(
            System.getProperty("corpus.listing.min", String.valueOf(CorpusTest.LISTING_MIN)));
    double askMin =
        Double.parseDouble(
            System.getProperty("corpus.ask.min", String.valueOf(CorpusTest.ASK_MIN)));
    LexiconParser parser = LexiconParser.withoutPlaces();
    CorpusScore score = new CorpusScore();
    for (String[] row : rows(file)) {
      score.add(
          row[0],
          categories(row[1]),
          parser.parse(row[2], CONTEXT),
          listingMin,
          Math.min(listingMin, askMin));
    }
    return score.table(
        String.format(Locale.ROOT, "%s (%s), listing at >= %.2f", name, file, listingMin));
  }

  private static List<String[]> rows(Path file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] columns = line.split("\t", 3);
      if (columns.length == 3) {
        rows.add(columns);
      }
    }
    return rows;
  }

  private static Set<Category> categories(String column) {
    Set<Category> categories = EnumSet.noneOf(Category.class);
    if (!column.strip().equals("-")) {
      for (String id : column.split(",")) {
        Category.fromId(id.strip()).ifPresent(categories::add);
      }
    }
    return categories;
  }
}
