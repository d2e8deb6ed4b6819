package org.aidbridge.bot.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.aidbridge.bot.model.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How sure the parser is, read against the default bands: at or above {@code listing} the bot makes
 * a listing, between {@code ask} and {@code listing} it asks in private and stays silent in a
 * group. Every sentence here was written for this test.
 */
class ConfidenceTest {

  private static final double LISTING = ConfidenceBands.DEFAULT.listing();
  private static final double ASK = ConfidenceBands.DEFAULT.ask();

  private final LexiconParser parser = LexiconParser.withoutPlaces();

  private ParsedMessage parse(String text) {
    return parser.parse(text, ParseContext.at(Instant.parse("2026-11-24T10:00:00Z")));
  }

  @Nested
  class RelayedReports {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "the camp is short of tents",
          "people in the camp have no water",
          "en el albergue se acabaron las cobijas",
          "توی کمپ کمبود پتو داریم",
        })
    void aReportNamingItsThingInItsOwnClauseIsAListing(String text) {
      ParsedMessage parsed = parse(text);
      assertThat(parsed.kind()).isEqualTo(Kind.NEED);
      assertThat(parsed.confidence()).isGreaterThanOrEqualTo(LISTING);
    }

    /**
     * The bonus for a thing named "elsewhere" belongs to cues that have nothing nearer; a report
     * whose thing is only in the next clause keeps its lower support and is asked about.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "the shelter ran out, blankets would help",
          "faltan cosas en el albergue, cobijas sobre todo",
          "the roads are flooded near the school, drive safe",
        })
    void aReportWhoseThingIsInAnotherClauseIsOnlyAskedAbout(String text) {
      ParsedMessage parsed = parse(text);
      assertThat(parsed.confidence()).isLessThan(LISTING).isGreaterThanOrEqualTo(ASK);
    }
  }

  /**
   * Chatter that has the shape of a listing: thanks for something already given, a closure, a
   * question about how to give or how the group works, an opinion about the organising, a joke, and
   * news about a whole country.
   */
  @Nested
  class ChatterShapedLikeAListing {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "thanks to whoever dropped the firewood at the hub, you are a star",
          "shout out to the crew who packed 80 lunches on saturday",
          "we have enough volunteers for sunday, no more drivers needed",
          "is the fundraiser for the Okafor kids still running? I want to chip in",
          "if you want to donate, the food bank takes cash online",
          "how do I sign up for the saturday shift? is there a form",
          "do you accept opened packs of diapers?",
          "the coordinators need a better way to track pickups, it's a mess",
          "we're gonna need a bigger van lol",
          "there's a nationwide shortage of amoxicillin, saw it on the news",
          "gracias a quienes trajeron las sillas para la asamblea",
          "ya tenemos suficiente ropa, no hace falta mas",
          "¿cómo hago para donar a la red? ¿tienen cuenta?",
          "¿Sigue abierta la vaquita para los Pérez? quiero aportar algo",
          "¿aceptan cobijas usadas?",
          "el comité necesita una mejor manera de repartir los turnos",
          "hay escasez de insulina en todo el pais, salió en la tele",
          "دیگه نون نیارین، کلی داریم",
          "چطوری میتونم پول واریز کنم؟",
          "طبق گزارش هلال احمر هزار خانواده به چادر نیاز دارن",
          "دست همه درد نکنه که پتوها رو آوردین",
          "she really needs to stop leaving her bike in the hallway haha",
          "no hay clases mañana por la lluvia",
          "the tent offer is off, my cousin needs it after all",
          "la despensa ya no está disponible, se la llevó una vecina",
        })
    void isNoListing(String text) {
      assertThat(parse(text).isListingAt(LISTING)).isFalse();
    }

    /** The same words do not silence a request or an offer in a clause of its own. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "thanks in advance, we need 2 tarps for the roof | NEED",
          "we have enough food, but we need blankets | NEED",
          "is the fundraiser still open? also we need a ride to the clinic on friday | NEED",
          "I want to donate 3 boxes of diapers, where do I bring them | OFFER",
          "ya tenemos comida, pero nos faltan cobijas | NEED",
          "quiero donar dos cajas de leche, dónde las dejo | OFFER",
          "دیگه نون نیارین، ولی پتو لازم داریم | NEED",
          "میخوام دو تا پتو اهدا کنم | OFFER",
        })
    void leavesOtherClausesAlone(String text, Kind kind) {
      ParsedMessage parsed = parse(text);
      assertThat(parsed.kind()).isEqualTo(kind);
      assertThat(parsed.confidence()).isGreaterThanOrEqualTo(LISTING);
    }
  }

  /**
   * Requests and offers as people write them without a verb of needing or giving: asking who could
   * spare or help, saying what would help, reports of running low, first-person handing out, and a
   * thing given away because it is no longer used.
   */
  @Nested
  class WithoutCueWords {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "our cat food is gone and the check comes next week. anyone have a bag they could spare? | NEED",
          "behind on the water bill by $90, I hate asking but they cut us off friday | NEED",
          "a couple of warm blankets would be a huge help, the heat is out | NEED",
          "is there anyone I could talk to tonight? it's been a rough week | NEED",
          "the gutter came down in the wind, anyone handy who could help put it back up? | NEED",
          "anyone with a truck this weekend? we have to move a fridge | NEED",
          "the shelter on Pine is down to almost no diapers, size 4 especially | NEED",
          "anyone know somewhere we can stay for two nights? the apartment flooded | NEED",
          "we got nothing for dinner tonight, 2 kids. anything helps | NEED",
          "have a crib and a high chair, no longer needed since the kids grew up. free to anyone who can pick up | OFFER",
          "the tenants' fund has $300 for utility bills this month, DM with what you need | OFFER",
          "running a free sewing class on tuesdays at the library for anyone who wants to fix their clothes | OFFER",
          "necesitamos un sitio para dormir esta noche, somos tres | NEED",
          "¿hay alguien con quien pueda hablar? estoy muy angustiada | NEED",
          "alguien que sepa arreglar una bomba de agua? en Tlaquepaque | NEED",
          "¿alguien con camioneta que pueda llevar unas cajas el sábado? | NEED",
          "se nos acabaron las tortillas y el arroz, lo que puedan | NEED",
          "se busca alguien que hable mixteco para acompañar a una señora al hospital | NEED",
          "¿alguien va para el centro mañana temprano? tengo cita en el seguro | NEED",
          "mañana repartimos 100 despensas en la cancha del barrio | OFFER",
          "nos sobraron 30 tamales de la fiesta, el primero que llegue se los lleva | OFFER",
          "tengo un andador, ya no lo usa mi abuela, es suyo si lo necesitan | OFFER",
          "armamos 20 mochilas con útiles, ¿quién las puede usar? | OFFER",
          "lights got shut off today, 2 toddlers at home. anything toward the bill would help | NEED",
          "can't make rent this month, short about $200. Akron | NEED",
          "hicimos 40 tortas, quien quiera que pase a la parroquia antes de las 2 | OFFER",
          "یه کالسکه سالم دارم که دیگه لازم نداریم، هر کی بخواد ببره | OFFER",
          "موتر دارم، هر کس به شفاخانه رفتن ضرورت داشته باشه در خدمت استم | OFFER",
        })
    void isAListing(String text, Kind kind) {
      ParsedMessage parsed = parse(text);
      assertThat(parsed.kind()).isEqualTo(kind);
      assertThat(parsed.confidence()).isGreaterThanOrEqualTo(LISTING);
    }
  }

  /**
   * Persian as written in Iran and in Afghanistan (Dari): everyday words for things (چارجر, دریشی,
   * کالسکه, دوا), Dari verbs (میتانه, استم, خلاص شده), asking who goes somewhere or who knows of
   * someone, first come first served, and offers asked as "who needs it?".
   */
  @Nested
  class PersianAndDari {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "کسی یه کالسکه بچه لازم داره؟ یکی دارم تمیزه. تبریز | OFFER",
          "یک چارجر لپتاپ ضرورت دارم، از من خراب شد. کسی داره؟ کابل | NEED",
          "کسی از مزار طرف شبرغان میره؟ باید دوای مادرم را ببرم | NEED",
          "کسی تانکر آب آورده میتانه؟ چاه قریه خشک شده | NEED",
          "کسی میدانه کجا بمانیم؟ خانه ما در سیل خراب شد | NEED",
          "یه روانشناس ارزون سراغ دارین؟ برادرم خیلی حالش بده | NEED",
          "کلینیک محل ما دوا تقریبا خلاص شده، هر چی برسه کمکه | NEED",
          "خیاط استم، لباس بچه ها رو مفت ترمیم میکنم. هرات | OFFER",
          "۲۰ تا غذای گرم اضافه مونده، هر کی زودتر بیاد. مسجد جامع | OFFER",
          "تو ماشین ۳ تا جا خالی دارم، فردا صبح میرم شیراز | OFFER",
          "یه اتاق خالی داریم، اگه خانواده ای جا نداره میتونه بیاد | OFFER",
          "۳۰ بسته پوشک جور کردیم، کی ضرورت داره؟ | OFFER",
        })
    void isAListing(String text, Kind kind) {
      ParsedMessage parsed = parse(text);
      assertThat(parsed.kind()).isEqualTo(kind);
      assertThat(parsed.confidence()).isGreaterThanOrEqualTo(LISTING);
    }
  }

  /** A report asked as a question asks for news, in every language. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "is the shelter on 5th still out of cots?",
        "¿siguen sin luz en la colonia?",
        "آب شهر هنوز قطع شده؟",
      })
  void aReportAskedAsAQuestionIsNoListing(String text) {
    assertThat(parse(text).isListingAt(ASK)).isFalse();
  }

  /** The group's own running: shifts, keys and the delivery rota are nobody's need or offer. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Maria is driving the 3pm run, Jose takes the 5pm",
        "I can't make it Saturday, can someone cover my shift at the pantry?",
        "the van is parked on 3rd if anyone needs the keys",
        "no puedo ir el sábado, ¿alguien me cubre el turno en el comedor?",
        "la camioneta está estacionada en la calle 3 si alguien necesita las llaves",
        "شنبه نمیتونم بیام، کسی میتونه جای من شیفت وایسه؟",
      })
  void theGroupsOwnRunningIsNoListing(String text) {
    assertThat(parse(text).isListingAt(LISTING)).isFalse();
  }

  /** Someone's own work shift is not the group's rota: the ride to it is still a need. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "my car died, need to get to my shift at the plant by 6am, anyone going that way?",
      })
  void aRideToOnesOwnShiftIsStillANeed(String text) {
    ParsedMessage parsed = parse(text);
    assertThat(parsed.kind()).isEqualTo(Kind.NEED);
    assertThat(parsed.confidence()).isGreaterThanOrEqualTo(LISTING);
  }
}
