package org.aidbridge.bot.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped resource is what scripts/build-gazetteer.py promises and what the Java side reads.
 */
class GazetteerResourceTest {
  private static final List<String[]> ROWS = new ArrayList<>();

  @BeforeAll
  static void readRows() throws IOException {
    try (InputStream in =
            GazetteerResourceTest.class.getResourceAsStream("/gazetteer/places.tsv.gz");
        BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        ROWS.add(line.split("\t", -1));
      }
    }
  }

  @Test
  void holdsEveryPlaceOfCities1000InNineColumns() {
    assertThat(ROWS).hasSize(135_233);
    assertThat(ROWS).allSatisfy(row -> assertThat(row).hasSize(9));
  }

  @Test
  void storesKeysExactlyAsTheJavaNormalizerWritesThem() {
    for (String[] row : ROWS) {
      String stored = row[7].isEmpty() ? row[1].toLowerCase(Locale.ROOT) : row[7];
      assertThat(stored).as("key of %s", row[1]).isEqualTo(NameNormalizer.normalize(row[1]));
      if (!row[8].isEmpty()) {
        for (String alternate : row[8].split("\\|")) {
          assertThat(NameNormalizer.normalize(alternate))
              .as("alternate of %s", row[1])
              .isEqualTo(alternate);
        }
      }
    }
  }

  @Test
  void keepsOnlyLatinAndArabicAlternatesWithoutAirportCodes() {
    String[] shiraz = ROWS.stream().filter(r -> r[0].equals("115019")).findFirst().orElseThrow();
    assertThat(shiraz[8].split("\\|")).contains("شیراز", "chiraz").doesNotContain("syz", "シーラーズ");
    assertThat(shiraz[4]).isEqualTo("29.6103");
  }

  @Test
  void staysSmallEnoughToShip() throws URISyntaxException, IOException {
    Path file = Path.of(getClass().getResource("/gazetteer/places.tsv.gz").toURI());
    assertThat(Files.size(file)).isLessThan(5_000_000L);
  }

  @Test
  void knowsUsStatesByPostalCodeAndCanadianProvincesByAbbreviation() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/gazetteer/admin1.tsv")) {
      String admin1 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(admin1)
          .contains("US.MI\tMichigan\tMI", "US.IN\tIndiana\tIN", "CA.08\tOntario\tON");
    }
  }
}
