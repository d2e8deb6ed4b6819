package org.aidbridge.bot.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.aidbridge.bot.model.Place;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GazetteerTest {
  private static final Gazetteer GAZETTEER = Gazetteer.loadDefault();

  @ParameterizedTest(name = "\"{0}\" mentions {2}, {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          I need insulin in Portland, urgent          | Portland          | Portland       | US | 45.5234
          Marion, Indiana                             | Marion, Indiana   | Marion         | US | 40.5584
          need a ride, Marion IN                      | Marion IN         | Marion         | US | 40.5584
          need help in springfield, il                | springfield, il   | Springfield    | US | 39.8017
          Flint MI needs bottled water                | Flint MI          | Flint          | US | 43.0125
          can bring diapers near Oakland              | Oakland           | Oakland        | US | 37.8044
          near oakland, anyone with a car?            | oakland           | Oakland        | US | 37.8044
          Paris, TX has a shelter open                | Paris, TX         | Paris          | US | 33.6609
          shelter open in Portland, Oregon            | Portland, Oregon  | Portland       | US | 45.5234
          family in Portland, Maine needs a crib      | Portland, Maine   | Portland       | US | 43.6574
          NEED INSULIN IN PORTLAND                    | PORTLAND          | Portland       | US | 45.5234
          diapers for a family in St. Louis           | St. Louis         | St. Louis      | US | 38.6273
          Rides to the clinic from Mobile, AL         | Mobile, AL        | Mobile         | US | 30.6944
          Salt Lake City folks need warm coats        | Salt Lake City    | Salt Lake City | US | 40.7608
          need blankets in Tehran                     | Tehran            | Tehran         | IR | 35.6944
          Necesito pañales en Ciudad Juárez           | Ciudad Juárez     | Juárez         | MX | 31.7202
          tenemos agua en Juárez, Chihuahua           | Juárez, Chihuahua | Juárez         | MX | 31.7202
          ofrezco cobijas cerca de Monterrey          | Monterrey         | Monterrey      | MX | 25.6751
          Llevo comida desde Tijuana mañana           | Tijuana           | Tijuana        | MX | 32.5027
          در شیراز پوشک لازم داریم                    | شیراز             | Shiraz         | IR | 29.6103
          شیراز                                       | شیراز             | Shiraz         | IR | 29.6103
          به پتو نیاز داریم در تهران                  | تهران             | Tehran         | IR | 35.6944
          مردم شهر كرمان آب ندارند                    | كرمان             | Kerman         | IR | 30.2832
          ۳ بسته پوشک برای خانواده‌ای در اصفهان       | اصفهان            | Isfahan        | IR | 32.6525
          Send it to Mesa, AZ please                  | Mesa, AZ          | Mesa           | US | 33.4223
          Victoria needs a ride to Reading            | Reading           | Reading        | GB | 51.4562
          need 2 car seats near Grand Rapids MI       | Grand Rapids MI   | Grand Rapids   | US | 42.9634
          Need food for my family in the Bronx        | the Bronx         | The Bronx      | US | 40.8499
          Ayuda en Ciudad de México por el sismo      | Ciudad de México  | Mexico City    | MX | 19.4285
          فوری دارو لازم داریم در اهواز               | اهواز             | Ahvaz          | IR | 31.3190
          پتو و چادر برای زلزله‌زدگان کرمانشاه        | کرمانشاه          | Kermanshah     | IR | 34.3142
          سیل در قم آمده                              | قم                | Qom            | IR | 34.6401
          از مشهد دارو می‌فرستم                       | مشهد              | Mashhad        | IR | 36.3156
          """)
  void findsThePlaceAMessageMentions(
      String message, String written, String name, String country, double lat) {
    Optional<Place> found = GAZETTEER.findIn(message, null, null);

    assertThat(found).isPresent();
    Place place = found.get();
    assertThat(place.text()).isEqualTo(written);
    assertThat(place.name()).isEqualTo(name);
    assertThat(place.country()).isEqualTo(country);
    assertThat(place.lat()).isCloseTo(lat, org.assertj.core.data.Offset.offset(0.01));
  }

  @ParameterizedTest(name = "\"{0}\" mentions no place")
  @ValueSource(
      strings = {
        "thanks everyone!",
        "I need rice",
        "can give 2 bags of rice",
        "necesito agua",
        "پوشک لازم داریم",
        "Need diapers size 4",
        "Rice and beans for 3 families",
        "Mobile phone charger needed",
        "Water, clothing and goods available",
        "we need help with bail",
        "Comida para la casa",
        "Agua y comida, por favor",
        "ممنون از همه",
        "کمک مالی لازم داریم",
        "in need of a bath towel",
        "Thanks Sofia, you are the best!",
        "at home with the kids today",
        "anyone can help? in a hurry",
        "Who can translate Spanish to English?",
        "Hi Maria, I can drop it off tomorrow",
        "Offering free haircuts Sunday at the church",
        "Dios los bendiga a todos",
        "سلام به همه دوستان",
        "کسی به پوشک نیاز دارد؟",
        "God bless America",
        "Praying for you all in Jesus name",
        "In Solidarity, Maria",
        "Llamen a Rosa al rato",
        "در حال حاضر پتو داریم",
        "در مورد کمک مالی سوال دارم",
        "شهر ما آب ندارد",
        "Stay safe in the storm everyone",
        "Van available to move furniture on Saturday",
        "Orange juice and bread for the shelter",
        "یک کیف لباس گرم دارم",
        "لطفا کمک کن",
        "Luz y agua para la familia",
      })
  void findsNothingInChatter(String message) {
    assertThat(GAZETTEER.findIn(message, null, null)).isEmpty();
  }

  @Test
  void prefersTheHomeCountryOverABiggerNamesakeAbroad() {
    assertThat(GAZETTEER.findIn("need a crib in Portland", "en", "GB"))
        .hasValueSatisfying(p -> assertThat(p.country()).isEqualTo("GB"));
    assertThat(GAZETTEER.findIn("need a crib in Portland", "en", "us"))
        .hasValueSatisfying(p -> assertThat(p.lat()).isEqualTo(45.5234));
  }

  @Test
  void readsALowerCaseAbbreviationAsAWordInsideASentence() {
    assertThat(GAZETTEER.findIn("rides for Marion in the morning", "en", "US"))
        .hasValueSatisfying(p -> assertThat(p.text()).isEqualTo("Marion"));
    assertThat(GAZETTEER.findIn("Portland or Seattle, either works", "en", null))
        .hasValueSatisfying(p -> assertThat(p.text()).isEqualTo("Portland"));
  }

  @Test
  void letsAStateHintWinOverTheHomeCountry() {
    assertThat(GAZETTEER.findIn("water in Paris, TX", "en", "FR"))
        .hasValueSatisfying(p -> assertThat(p.country()).isEqualTo("US"));
  }

  @Test
  void keepsAnUnknownPlaceAfterACueUnresolved() {
    assertThat(GAZETTEER.findIn("need diapers in Xyzzyville, please", "en", null))
        .contains(Place.unresolved("Xyzzyville"));
    assertThat(GAZETTEER.findIn("ayuda en San Xyzzy", "es", null))
        .contains(Place.unresolved("San Xyzzy"));
  }

  @Test
  void keepsOnlyOnePersianWordAsAnUnknownPlace() {
    assertThat(GAZETTEER.findIn("مردم شهر زیزی‌آباد آب ندارند", "fa", null))
        .contains(Place.unresolved("زیزی‌آباد"));
  }

  @Test
  void doesNotTakeAStateNameForASmallNamesakeElsewhere() {
    assertThat(GAZETTEER.findIn("need a crib in Indiana", "en", null))
        .contains(Place.unresolved("Indiana"));
    assertThat(GAZETTEER.findIn("Somos de Puerto Rico", "es", null))
        .hasValueSatisfying(p -> assertThat(p.country()).isEqualTo("PR"));
  }

  @Test
  void prefersAKnownPlaceToAnUnknownOne() {
    assertThat(GAZETTEER.findIn("from Xyzzyville to Oakland", "en", null))
        .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("Oakland"));
  }

  @ParameterizedTest(name = "resolve(\"{0}\") = {1}, {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Oakland          | Oakland | US | CA
          marion, indiana  | Marion  | US | IN
          marion in        | Marion  | US | IN
          Flint MI         | Flint   | US | MI
          شیراز            | Shiraz  | IR | 07
          شيراز            | Shiraz  | IR | 07
          Bath             | Bath    | GB | ENG
          ciudad juarez    | Juárez  | MX | 06
          near Oakland     | Oakland | US | CA
          """)
  void resolvesTypedNames(String typed, String name, String country, String admin1) {
    Place place = GAZETTEER.resolve(typed, null).orElseThrow();

    assertThat(place.name()).isEqualTo(name);
    assertThat(place.country()).isEqualTo(country);
    assertThat(place.resolved()).isTrue();
  }

  @Test
  void resolvesAnUnknownTypedNameToItsText() {
    assertThat(GAZETTEER.resolve("  Xyzzyville ", null)).contains(Place.unresolved("Xyzzyville"));
    assertThat(GAZETTEER.resolve(" ?! ", null)).isEmpty();
    assertThat(GAZETTEER.resolve(null, null)).isEmpty();
  }

  @Test
  void knowsOverAHundredThousandPlaces() {
    assertThat(GAZETTEER.size()).isEqualTo(135_233);
    assertThat(Gazetteer.loadDefault()).isSameAs(GAZETTEER);
  }

  @Property(tries = 500)
  void neverThrowsAndAlwaysAnswersTheSame(@ForAll String text) {
    Optional<Place> first = GAZETTEER.findIn(text, "en", null);

    assertThat(GAZETTEER.findIn(text, "en", null)).isEqualTo(first);
    first.ifPresent(place -> assertThat(text).contains(place.text()));
  }

  @Property(tries = 200)
  void findsThePlaceWhateverSurroundsIt(@ForAll String before, @ForAll String after) {
    String message = before + " \n in Shiraz, " + after;

    assertThat(GAZETTEER.findIn(message, null, null)).isPresent();
  }

  @Property(tries = 200)
  void readsPersianWhateverMarksAreSprinkledIn(
      @ForAll("marks") String mark, @ForAll("marks") String other) {
    String message = mark + "در شی" + other + "راز" + mark + " پوشک لازم داریم";

    assertThat(GAZETTEER.findIn(message, "fa", null))
        .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("Shiraz"));
  }

  @Provide
  Arbitrary<String> marks() {
    // ZWNJ, ZWJ, RLM, LRM, tatweel, kasra, fatha, or nothing
    return Arbitraries.of("\u200C", "\u200D", "\u200F", "\u200E", "\u0640", "\u0650", "\u064E", "");
  }
}
