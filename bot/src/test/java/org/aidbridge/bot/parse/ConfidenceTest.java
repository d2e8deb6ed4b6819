package org.aidbridge.bot.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.place.PlaceFinder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How sure the rules ({@link KindClassifier}, without the learned {@link KindGate}) are, read
 * against the bands they were measured at before the gate: at or above {@code listing} a listing,
 * between {@code ask} and {@code listing} a question in private and silence in a group. These are
 * the rule layer's own judgements, which the gate then weighs (its effect is measured by {@link
 * HeldOutWriterTest}, not sentence by sentence). Every sentence here was written for this test.
 */
class ConfidenceTest {

  /** The rules' own listing threshold (the bot's default before the gate). */
  private static final double LISTING = 0.75;

  private static final double ASK = 0.45;

  private final LexiconParser parser = new LexiconParser(PlaceFinder.NONE, null);

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
          "the shelter ran out yesterday, blankets and cots mostly",
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
          "all I want for christmas is a working heater haha",
          "the city needs to fix the drainage on 4th street",
          "necesito un respiro",
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

  /** A service back on is news, not a short request ("water, now!"). */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "the water is back on now!",
        "finally got internet back today",
        "la luz ya volvió hoy",
        "برق الان اومد",
      })
  void aServiceRestoredIsNoListing(String text) {
    assertThat(parse(text).isListingAt(ASK)).isFalse();
  }

  /** "But" opens a clause: a closure before it does not govern the request after it. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "power came back but we still need a generator for the fridge tonight",
        "we don't need clothes but diapers would help",
        "la luz ya volvió pero nos servirían velas para la noche",
        "برق وصل شد ولی هنوز بخاری لازم داریم",
      })
  void aRequestAfterButIsItsOwnClause(String text) {
    ParsedMessage parsed = parse(text);
    assertThat(parsed.kind()).isEqualTo(Kind.NEED);
    assertThat(parsed.confidence()).isGreaterThanOrEqualTo(LISTING);
  }

  /**
   * Requests and offers written for this test before the parser was asked about them (seven of them
   * were missed until the lexicons learned "pongo a disposición", "dispongo de", "me podría
   * prestar", "got a bunch of", "could borrow", the electric bill and "جای ارزون").
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "pongo a disposición mi cochera para guardar donaciones, Puebla centro | OFFER",
        "dispongo de una habitación para una mujer con niños, zona sur de Quito | OFFER",
        "les comparto que en la parroquia de San Juan dan desayunos gratis a partir de las 7 | OFFER",
        "tengo tiempo libre por las tardes, puedo acompañar a citas médicas | OFFER",
        "el banco de alimentos entrega canastas el viernes, solo llevar INE | OFFER",
        "mi mamá necesita sus pastillas de la presión y no tenemos para comprarlas | NEED",
        "alguien me podría prestar una carriola unos días? la mía se rompió | NEED",
        "ocupamos lonas y cobijas en la colonia Las Flores, se mojó todo | NEED",
        "got a bunch of baby clothes 0-6 months, all washed, pick up in Dayton | OFFER",
        "the library is giving out free covid tests and masks all week | OFFER",
        "does anybody have a car seat we could borrow for a flight next week? | NEED",
        "we're two weeks behind on the electric, anything helps, Gary IN | NEED",
        "یه یخچال کوچیک دارم که نمیخوامش، هر کی لازم داره بیاد ببره | OFFER",
        "مستاجریم و صاحبخونه گفته تا آخر ماه باید بلند شیم، کسی جای ارزون سراغ داره؟ | NEED",
        "خیریه محل ما فردا بسته غذایی میده، کارت ملی همراهتون باشه | OFFER",
        "شیر خشک بچم تموم شده، پول ندارم بخرم. رشت | NEED",
        "من راننده ام، آخر هفته ها میتونم وسایل جابجا کنم رایگان | OFFER",
        "پدرم قند داره، انسولینش تموم شده، کسی میتونه کمک کنه؟ کابل | NEED",
      })
  void moreWaysToAskAndToGive(String text, Kind kind) {
    ParsedMessage parsed = parse(text);
    assertThat(parsed.kind()).isEqualTo(kind);
    assertThat(parsed.confidence()).isGreaterThanOrEqualTo(LISTING);
  }

  /**
   * The last fresh probe, written before the parser was asked: requests and offers (four were
   * missed for want of a word for the thing: a pack-n-play, oil changes, a summer workshop, a maths
   * class) and the group's chatter (one of 27 became a listing, "we'll need volunteers again in
   * spring", left as it is: a need announced for later).
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "does anyone have a pack-n-play we could use for the weekend? grandkids visiting, Flint | NEED",
        "my son needs a laptop for online classes, anything older that works is fine | NEED",
        "we lost our apartment in the fire last night, any leads on short term rentals in Paradise? | NEED",
        "looking for a ride to the DMV Friday morning from Eastside, can chip in gas | NEED",
        "elderly neighbor needs groceries picked up, she can't leave the house. Ann Arbor | NEED",
        "my church has 20 folding cots we can lend out for the warming center | OFFER",
        "doing free oil changes saturday in the Kmart lot for anyone who needs one | OFFER",
        "we've got extra firewood, bring your truck and take what you need | OFFER",
        "I tutor math for free on zoom, middle and high school, DM me | OFFER",
        "se me acabó la fórmula del bebé y no me pagan hasta el viernes, Tijuana | NEED",
        "¿quién me puede ayudar a mover unos muebles el sábado? no tengo a nadie | NEED",
        "una señora mayor en mi edificio necesita que alguien le compre sus medicinas | NEED",
        "regalo un colchón matrimonial en buen estado, hay que recogerlo en Coyoacán | OFFER",
        "soy electricista, reviso gratis instalaciones dañadas por la inundación | OFFER",
        "tenemos cupo para 3 niños más en el taller de verano, es gratis | OFFER",
        "یه لپ تاپ قدیمی لازم دارم برای کلاس آنلاین پسرم | NEED",
        "همسایه پیرمون نمیتونه بره خرید، کسی میتونه براش نون و شیر بگیره؟ تبریز | NEED",
        "یه تشک دونفره سالم دارم، مجانی میدم، باید بیاید ببرید | OFFER",
        "برقکارم، سیم کشی خونه های آسیب دیده از سیل رو رایگان چک میکنم | OFFER",
        "کلاس ریاضی رایگان برای بچه های دبیرستانی، آنلاین، پیام بدید | OFFER",
      })
  void aLastProbeOfListings(String text, Kind kind) {
    ParsedMessage parsed = parse(text);
    assertThat(parsed.kind()).isEqualTo(kind);
    assertThat(parsed.confidence()).isGreaterThanOrEqualTo(LISTING);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "does anyone have the number for the tenants union? asking for a friend",
        "who made the soup on Sunday? it was incredible",
        "remember to bring your own bags to the pantry tomorrow",
        "anyone else's power flickering on the east side?",
        "just dropped off 3 boxes at the church, they were really grateful",
        "the food drive raised $2,300 this weekend!! thank you all",
        "has anyone heard back from FEMA about the claims?",
        "I have a question about the schedule, who do I ask?",
        "my neighbor has no heat and refuses help, not sure what to do",
        "no more rides needed for Thursday, everyone's covered",
        "I could really use a hug today honestly",
        "¿alguien tiene el número de la asociación de inquilinos?",
        "el domingo juntamos 80 despensas, ¡gracias equipo!",
        "se necesitarán voluntarios en primavera, avisaremos",
        "traigan sus bolsas al banco de comida mañana",
        "¿a alguien más se le fue la luz en el centro?",
        "ya dejé las 3 cajas en la iglesia",
        "tengo una pregunta sobre los horarios, ¿a quién le pregunto?",
        "no hacen falta más raites para el jueves, ya está cubierto",
        "کسی شماره انجمن مستاجرین رو داره؟",
        "یکشنبه ۸۰ بسته غذا جمع کردیم، دمتون گرم",
        "بهار دوباره داوطلب لازم میشه، خبر میدیم",
        "فردا کیسه خودتون رو بیارید",
        "برق کس دیگه ای هم قطع شده؟",
        "سه کارتن رو بردم مسجد، خیلی ممنون بودن",
        "برای پنجشنبه دیگه ماشین لازم نیست، همه جور شدن",
      })
  void aLastProbeOfChatter(String text) {
    assertThat(parse(text).isListingAt(LISTING)).isFalse();
  }

  /**
   * A message that opens with its thing and says whom it is for is a request, though it has no verb
   * of needing (the sixth round's largest class of missed needs): the rules are unsure of it on
   * their own (0.7, below their listing band) and the gate weighs it.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "a winter coat for my son, he's 8 and growing out of everything",
        "Leche y pañales para mi bebé de 6 meses, estamos en el albergue",
        "شیر خشک برای نوزاد همسایه‌مون، مادرش مریضه",
      })
  void aThingAndWhomItIsForIsARequest(String text) {
    ParsedMessage parsed = parse(text);
    assertThat(parsed.kind()).isEqualTo(Kind.NEED);
    assertThat(parsed.confidence()).isEqualTo(KindClassifier.THING_FOR);
  }

  /** The same shape in chatter, a menu (takeaway food) or a purchase told is no request. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "rice for dinner again tonight lol",
        "Comida para llevar en el bar de Pepe, muy rica",
        "نان برای صبحانه خریدم",
      })
  void aThingForSomeoneInChatterIsNoRequest(String text) {
    assertThat(parse(text).isListingAt(ASK)).isFalse();
  }

  /** Selling, renting out and hiring are trade: no need and no gift, whatever else is said. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Selling my old couch, $50, free delivery in town",
        "We're hiring drivers for the warehouse, paid position, send your CV",
        "Vendo ropa de bebé en buen estado, 5 dólares la bolsa",
        "Se alquila cuarto amueblado cerca del centro, pago mensual",
        "مبل سه نفره فروشی، تمیز و سالم، تحویل رایگان",
        "استخدام راننده با ماشین، حقوق خوب",
        "میز و صندلی دست دوم دارم، فروشی",
        "selling an air mattress, $20, barely used",
      })
  void tradeIsNoListing(String text) {
    assertThat(parse(text).isListingAt(ASK)).isFalse();
  }

  /**
   * A reply that quotes a request and says it is done closes the quoted request too (the seventh
   * round: blind set 6 had one in each language); a quote without a closure keeps its request.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "> does anyone have a pram? all sorted, thanks everyone",
        "replying to Sam: the car seat is sorted, a neighbour lent us one",
        "ریپلای به «کسی صندلی ماشین بچه داره؟»: حل شد، ممنون",
      })
  void aQuotedRequestClosedInTheReplyIsNoListing(String text) {
    assertThat(parse(text).isListingAt(ASK)).isFalse();
  }

  @Test
  void aQuotedRequestWithoutAClosureIsStillARequest() {
    ParsedMessage parsed = parse("> need insulin in Portland, urgent");

    assertThat(parsed.kind()).isEqualTo(Kind.NEED);
    assertThat(parsed.isListingAt(LISTING)).isTrue();
  }

  /**
   * Lexicon entries of the seventh round: leftovers asked as "who needs them?" are offered, a fund
   * that asks for a form is offered, "it would help us a lot" asks, a family that found a place is
   * done.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "nos sobraron 10 kilos de frijol de la colecta, quién los necesita?|OFFER",
        "۱۰ کیلو عدس از پخش دیروز مونده، کی لازم داره؟|OFFER",
        "una despensa nos vendría bien esta semana, somos 4|NEED",
        "یه بسته پوشک خیلی کمکمون میکنه، بچه دو ماهشه|NEED",
      })
  void seventhRoundEntries(String text, Kind kind) {
    ParsedMessage parsed = parse(text);
    assertThat(parsed.kind()).isEqualTo(kind);
    assertThat(parsed.confidence()).isGreaterThanOrEqualTo(ASK);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "the family who needed a flat found a place, thanks all",
        "خانواده‌ای که خونه لازم داشتن جا پیدا کردن، ممنون از همه",
      })
  void aNeedThatFoundItsPlaceIsNoListing(String text) {
    assertThat(parse(text).isListingAt(ASK)).isFalse();
  }

  /**
   * A place closed is the reason for a request, not its closure (a voice message has no commas).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "my dad needs his insulin pens and the pharmacy is closed because of the strike",
        "my dad needs his insulin pens and the pharmacy is closed for the holiday",
      })
  void aPlaceClosedIsTheReasonNotTheClosure(String text) {
    ParsedMessage parsed = parse(text);
    assertThat(parsed.kind()).isEqualTo(Kind.NEED);
    assertThat(parsed.isListingAt(LISTING)).isTrue();
  }

  /** "Who needs sleep": a figurative object makes an offer asked as a question no offer. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"who needs sleep anyway lol", "anyone need a nap? lol"})
  void aFigurativeThingAskedAboutIsNoOffer(String text) {
    assertThat(parse(text).kind()).isNull();
  }

  /**
   * A sentence too long to be a bare list and with no need or offer cue is as likely news, unless
   * it opens with an urgent word: then it is a request ("URGENT: insulin and test strips ...").
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "URGENT: insulin and test strips at the east side shelter before the weekend",
        "URGENTE: pañales y leche de fórmula en el albergue del centro antes del fin de semana",
        "فوری: انسولین و نوار تست برای پناهگاه شرق شهر تا آخر هفته",
      })
  void aLongBareRequestThatOpensUrgentlyIsAListing(String text) {
    ParsedMessage parsed = parse(text);
    assertThat(parsed.kind()).isEqualTo(Kind.NEED);
    assertThat(parsed.confidence()).isGreaterThanOrEqualTo(LISTING);
  }
}
