package org.aidbridge.bot.place;

import static org.assertj.core.api.Assertions.assertThat;

import org.aidbridge.bot.model.Place;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Places as people name them: Persian names GeoNames lacks, found through the Latin name's
 * consonant skeleton; and same-named towns told apart by the message's language and the home
 * country.
 */
class PlacePreferenceTest {
  private static final Gazetteer GAZETTEER = Gazetteer.loadDefault();

  private static Place find(String text, String language, String home) {
    return GAZETTEER.findIn(text, language, home).orElseThrow();
  }

  @Test
  void aPersianNameGeoNamesHasOnlyInLatinIsFoundThroughItsSkeleton() {
    Place place = find("در جوانرود چادر لازم داریم", "fa", null);

    assertThat(place.name()).isEqualTo("Javānrūd");
    assertThat(place.country()).isEqualTo("IR");
    assertThat(place.text()).isEqualTo("جوانرود");
  }

  @Test
  void aCommonPersianWordAfterACueIsNoTransliteratedTown() {
    assertThat(GAZETTEER.findIn("برای بچه ها غذا لازم داریم", "fa", null)).isEmpty();
  }

  @ParameterizedTest(name = "{0} ({1}, home {2}) is in {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          necesitamos agua en San José               | es | -  | CR
          we need water in San Jose                  | en | -  | US
          necesitamos agua en San José               | es | US | US
          """)
  void theLanguageOfTheMessageAndTheHomeCountryWeighAgainstATownAbroad(
      String text, String language, String home, String country) {
    assertThat(find(text, language, home).country()).isEqualTo(country);
  }

  @Test
  void skeletonsOfPersianAndLatinSpellingsAgree() {
    assertThat(Skeletons.persian("کرج")).isEqualTo(Skeletons.latin("karaj")).isEqualTo("krj");
    assertThat(Skeletons.persian("کرمانشاه")).isEqualTo(Skeletons.latin("kermanshah"));
    assertThat(Skeletons.persian("خرم آباد")).isEqualTo(Skeletons.latin("khorram abad"));
    assertThat(Skeletons.persian("abc")).isEmpty();
  }
}
