package org.aidbridge.bot.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Item;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Urgency;
import org.aidbridge.bot.place.PlaceFinder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexiconParserTest {

  /** A Tuesday. */
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  private final LexiconParser parser = LexiconParser.withoutPlaces();

  private ParsedMessage parse(String text) {
    return parser.parse(text, ParseContext.at(NOW));
  }

  private static Item item(String name, int quantity, String unit) {
    return new Item(name, BigDecimal.valueOf(quantity), unit);
  }

  @Nested
  class Kinds {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "I need insulin in Portland, urgent | NEED",
          "can give 2 bags of rice | OFFER",
          "need: a tent | NEED",
          "offer: a tent | OFFER",
          "NEED diapers | NEED",
          "/need ride to court | NEED",
          "/offer@AidBridgeBot spare room | OFFER",
          "does anyone need a ride to the airport? | OFFER",
          "Anyone need baby formula? I have 3 cans | OFFER",
          "people in the camp have no water | NEED",
          "the Red Cross is handing out blankets at the stadium | OFFER",
          "free legal help needed for Thursday's hearing | NEED",
          "I have 3 kids and we need diapers | NEED",
          "necesito: pañales | NEED",
          "ofrezco: pañales | OFFER",
          "Necesitamos agua en la colonia | NEED",
          "¿Alguien necesita pañales? tengo 2 paquetes | OFFER",
          "En el albergue no tienen cobijas | NEED",
          "Están repartiendo despensas en la iglesia | OFFER",
          "نیاز: پوشک | NEED",
          "پیشنهاد: پوشک | OFFER",
          "ما به پوشک نیاز داریم | NEED",
          "کسی پوشک نیاز داره؟ | OFFER",
          "می‌تونم با ماشین کمک کنم | OFFER",
          "مردم کمپ آب ندارند | NEED",
          "هلال احمر در ورزشگاه پتو توزیع می‌کند | OFFER",
          "ya no necesito la cuna, pero si alguien necesita una carriola tengo una | OFFER",
        })
    void kindIsRead(String text, Kind expected) {
      assertThat(parse(text).kind()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is not a listing")
    @CsvSource(
        delimiter = '|',
        value = {
          "thanks everyone!",
          "Praying for all the families in need 🙏",
          "we no longer need the tent, thanks",
          "Good morning everyone",
          "https://news.example.org/floods people without water in the valley",
          "¡Gracias a todos por la ayuda!",
          "ya no necesito el aventón, gracias",
          "Dios los bendiga",
          "دیگر نیاز نداریم، ممنون",
          "سلام، صبح بخیر",
          "خدا خیرتون بده، ممنون از همه",
        })
    void chatterAndWithdrawalsAreNotListings(String text) {
      assertThat(parse(text).isListing()).isFalse();
    }

    @Test
    void aListingWithoutAKnownCategoryIsOther() {
      assertThat(parse("I need a gizmo for my stove").categories()).containsExactly(Category.OTHER);
    }
  }

  @Nested
  class Languages {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "I need food for my family | en",
          "Necesito comida para mi familia | es",
          "ما به غذا نیاز داریم | fa",
          "ما insulin نیاز داریم | fa",
          "پتو | fa",
        })
    void languageIsDetected(String text, String language) {
      assertThat(parse(text).language()).isEqualTo(language);
    }

    @Test
    void theHintBreaksTies() {
      ParseContext spanishChannel = ParseContext.at(NOW).withLanguageHint("es");
      assertThat(parser.parse("ok", spanishChannel).language()).isEqualTo("es");
      assertThat(parser.parse("ok", ParseContext.at(NOW)).language()).isEqualTo("en");
    }

    @Test
    void arabicLettersAndDigitsReadAsPersianOnes() {
      // Arabic yeh and kaf, Arabic-Indic digits, tatweel, a right-to-left mark and a ZWNJ.
      ParsedMessage parsed = parse("\u200Fما ٣ بسته پوشـک‌ها لازم داريم");
      assertThat(parsed.kind()).isEqualTo(Kind.NEED);
      assertThat(parsed.items()).contains(item("پوشک", 3, "بسته"));
    }
  }

  @Nested
  class Categories {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "need diapers | HYGIENE",
          "necesito pañales | HYGIENE",
          "پوشک نیاز داریم | HYGIENE",
          "need bail for my cousin | BAIL_LEGAL",
          "necesitamos fianza | BAIL_LEGAL",
          "برای وثیقه کمک لازم داریم | BAIL_LEGAL",
          "need a phone charger | PHONE_INTERNET",
          "need cat food | PETS",
          "need a therapist to talk to | MENTAL_HEALTH",
          "need volunteers to muck out a basement | SKILLS_LABOR",
          "need someone to babysit Saturday | CHILDCARE",
          "need a place to stay tonight | HOUSING_SHELTER",
          "need a ride to the clinic | TRANSPORT",
          "need gauze and bandages | MEDICAL_SUPPLIES",
          "need water | WATER",
          "need warm socks | CLOTHING",
        })
    void synonymsFindTheirCategory(String text, Category category) {
      assertThat(parse(text).categories()).contains(category);
    }
  }

  @Nested
  class Items {

    @Test
    void quantityAndUnitComeBeforeTheItem() {
      assertThat(parse("can give 2 bags of rice").items()).containsExactly(item("rice", 2, "bag"));
      assertThat(parse("tengo dos cajas de agua").items()).containsExactly(item("agua", 2, "caja"));
      assertThat(parse("۳ بسته پوشک داریم").items()).containsExactly(item("پوشک", 3, "بسته"));
    }

    @Test
    void moneyIsAnAmountInDollars() {
      ParsedMessage parsed = parse("need $500 bail for my brother");
      assertThat(parsed.items()).containsExactly(item("bail", 500, "usd"));
      assertThat(parsed.categories()).contains(Category.MONEY, Category.BAIL_LEGAL);
    }

    @Test
    void sizesAreKept() {
      assertThat(parse("need diapers size 4").items()).containsExactly(item("diaper", 4, "size"));
      assertThat(parse("necesito pañales talla 3").items())
          .containsExactly(item("pañal", 3, "size"));
    }

    @Test
    void amountsWithThousandsAndMillionsAreMoney() {
      ParsedMessage persian = parse("برای اجاره ۳ میلیون تومان کم داریم");
      assertThat(persian.items()).contains(new Item("پول", new BigDecimal("3000000"), "toman"));
      assertThat(persian.categories()).contains(Category.MONEY);
      ParsedMessage spanish = parse("nos faltan 10 mil dólares para la fianza");
      assertThat(spanish.categories()).contains(Category.MONEY, Category.BAIL_LEGAL);
    }

    @Test
    void aWordOfAMultiWordNumberIsNotANumberAlone() {
      // "par de" means two; "de" alone must not.
      assertThat(parse("necesito bolsas de arroz").items()).containsExactly(Item.named("arroz"));
    }

    @Test
    void theSettingCountsOnlyWhenNothingElseNamesACategory() {
      assertThat(parse("need soap for the shelter").categories()).containsExactly(Category.HYGIENE);
      assertThat(parse("need a shelter tonight").categories())
          .containsExactly(Category.HOUSING_SHELTER);
    }

    @Test
    void latinWordsInsidePersianStillNameACategory() {
      ParsedMessage parsed = parse("ما insulin لازم داریم");
      assertThat(parsed.language()).isEqualTo("fa");
      assertThat(parsed.categories()).containsExactly(Category.MEDICINE);
    }

    @Test
    void aCountedThingNoLexiconKnowsIsStillAnItem() {
      assertThat(parse("need 4 gizmos").items()).containsExactly(item("gizmo", 4, null));
    }
  }

  @Nested
  class UrgencyAndExpiry {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "need insulin ASAP | HIGH",
          "need a ride today | HIGH",
          "necesito agua urgente | HIGH",
          "پوشک فوری لازم داریم | HIGH",
          "need a couch, no rush | LOW",
          "necesito ropa, sin prisa | LOW",
          "need a couch, not urgent | LOW",
          "need a couch | NORMAL",
        })
    void urgencyIsRead(String text, Urgency urgency) {
      assertThat(parse(text).urgency()).isEqualTo(urgency);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "offering a spare room until Friday | 2026-11-27T23:59:59Z",
          "offering a spare room for 3 days | 2026-11-27T23:59:59Z",
          "need a ride by tomorrow | 2026-11-25T23:59:59Z",
          "ofrezco cuarto hasta el lunes | 2026-11-30T23:59:59Z",
          "ofrezco cuarto por 3 días | 2026-11-27T23:59:59Z",
          "جا برای خواب داریم تا جمعه | 2026-11-27T23:59:59Z",
          "جا برای خواب داریم برای ۳ روز | 2026-11-27T23:59:59Z",
          "جا برای خواب داریم تا سه‌شنبه | 2026-11-24T23:59:59Z",
        })
    void expiryIsCountedFromTheMessageTime(String text, Instant expiry) {
      assertThat(parse(text).expiresAt()).isEqualTo(expiry);
    }

    @Test
    void noStatedExpiryIsNull() {
      assertThat(parse("offering a spare room").expiresAt()).isNull();
    }
  }

  @Nested
  class Places {

    @Test
    void thePlaceFinderIsAskedWithTheDetectedLanguageAndHomeCountry() {
      PlaceFinder finder =
          new PlaceFinder() {
            @Override
            public Optional<Place> findIn(String text, String language, String homeCountry) {
              return Optional.of(Place.unresolved(language + "/" + homeCountry));
            }

            @Override
            public Optional<Place> resolve(String name, String homeCountry) {
              return Optional.empty();
            }
          };
      ParsedMessage parsed =
          new LexiconParser(finder)
              .parse("necesito agua en Ciudad Juárez", new ParseContext(null, NOW, "MX"));
      assertThat(parsed.place()).isEqualTo(Place.unresolved("es/MX"));
    }

    @Test
    void aFailingPlaceFinderCostsOnlyThePlace() {
      PlaceFinder broken =
          new PlaceFinder() {
            @Override
            public Optional<Place> findIn(String text, String language, String homeCountry) {
              throw new IllegalStateException("gazetteer not loaded");
            }

            @Override
            public Optional<Place> resolve(String name, String homeCountry) {
              return Optional.empty();
            }
          };
      ParsedMessage parsed = new LexiconParser(broken).parse("need water", ParseContext.at(NOW));
      assertThat(parsed.kind()).isEqualTo(Kind.NEED);
      assertThat(parsed.place()).isNull();
    }
  }

  @Test
  void emptyAndNullInputAreNotListings() {
    assertThat(parse("").isListing()).isFalse();
    assertThat(parse(null).isListing()).isFalse();
    assertThat(parser.parse("need water", null).kind()).isEqualTo(Kind.NEED);
  }

  @Test
  void itemsAreListedOnce() {
    List<Item> items = parse("need diapers, diapers and more diapers").items();
    assertThat(items).extracting(Item::name).containsExactly("diaper");
  }
}
