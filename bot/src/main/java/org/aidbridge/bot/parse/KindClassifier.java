package org.aidbridge.bot.parse;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.parse.lexicon.Hit;
import org.aidbridge.bot.parse.lexicon.Hits;
import org.aidbridge.bot.parse.lexicon.Lexicon;
import org.aidbridge.bot.parse.lexicon.Lexicons;
import org.aidbridge.bot.parse.lexicon.Token;
import org.aidbridge.bot.parse.lexicon.Tokenizer;

/**
 * Decides need, offer or neither from the cue phrases of the message's language. Longer phrases
 * beat the shorter ones inside them, so "does anyone need" (an offer) silences its "need", and "no
 * longer need" (a withdrawal) silences its "need" too. What is left is weighed: a question that
 * offers counts most, first-person cues next, reports about others ("they have no water", "handing
 * out blankets") least, and reports next to a link are taken for news.
 */
final class KindClassifier {

  private static final List<String> RANKING =
      List.of(
          "negation",
          "commerce",
          "inquiry",
          "logistics",
          "appeal",
          "figurative",
          "offer.question",
          "neutral",
          "need",
          "offer",
          "need.weak",
          "offer.weak",
          "report.need",
          "report.offer",
          "chatter");

  /** The most words a bare request has ("2 bags of rice, Oakland, today"). */
  private static final int BARE_WORDS = 8;

  /** A request that opens with its thing names it within its first words ("size 10 boots"). */
  private static final int THING_OPENS = 3;

  /** A reply names itself in its first words ("replying to", "ریپلای به"). */
  private static final int REPLY_OPENS = 2;

  /**
   * ... and whom it is for soon after ("tampons, deodorant, toothpaste, anything for the refuge").
   */
  private static final int FOR_WITHIN = 8;

  /** How sure such a request is, with no cue at all. */
  static final double THING_FOR = 0.7;

  /** What else the message has, besides its cue phrases. */
  record Evidence(
      boolean hasUrl,
      boolean hasCategory,
      boolean strongCategory,
      boolean hasQuantity,
      boolean urgent,
      ItemReader.Found found,
      boolean opensUrgent) {

    Evidence(
        boolean hasUrl,
        boolean hasCategory,
        boolean strongCategory,
        boolean hasQuantity,
        boolean urgent) {
      this(hasUrl, hasCategory, strongCategory, hasQuantity, urgent, null, false);
    }

    /** 2 when a concrete thing is in the clause, 1 in the one before or after, else 0. */
    int concreteNear(Tokenizer.Result tokenized, int clause, BitSet figurative) {
      if (found == null) {
        return strongCategory ? 2 : 0;
      }
      int best = 0;
      for (int i = found.concrete().nextSetBit(0); i >= 0; i = found.concrete().nextSetBit(i + 1)) {
        if (figurative.get(i)) {
          continue; // "vent", "coffee": here no thing asked for
        }
        int distance = Math.abs(tokenized.clauseOf(i) - clause);
        best = Math.max(best, distance == 0 ? 2 : distance == 1 ? 1 : 0);
      }
      return best;
    }

    boolean anyConcrete() {
      return found == null ? strongCategory : !found.concrete().isEmpty();
    }
  }

  /** The kind read, or null, and how sure the reading is, from 0 to 1. */
  /**
   * The kind the rules read and how sure they are; {@code settled} when the rules know it is no
   * listing whatever else is said (trade, a quoted request closed in the reply), so that the
   * classifier may not make one of it.
   */
  record Reading(Kind kind, double confidence, boolean settled) {
    static final Reading NONE = new Reading(null, 0);

    /** Selling, renting out, hiring, or a quoted request closed: no listing at all. */
    static final Reading SETTLED = new Reading(null, 0, true);

    Reading(Kind kind, double confidence) {
      this(kind, confidence, false);
    }
  }

  private final Lexicons lexicons;

  KindClassifier(Lexicons lexicons) {
    this.lexicons = lexicons;
  }

  Kind classify(String raw, List<Token> tokens, Lexicon lexicon, Evidence evidence) {
    return read(raw, new Tokenizer.Result(tokens, evidence.hasUrl()), lexicon, evidence).kind();
  }

  Reading read(String raw, Tokenizer.Result tokenized, Lexicon lexicon, Evidence evidence) {
    List<Token> tokens = tokenized.tokens();
    Kind explicit = explicitKind(raw, tokens);
    if (explicit != null) {
      return new Reading(explicit, 1.0);
    }
    List<Hit> all = lexicon.cues().findAll(tokens);
    List<Hit> cues = Hits.select(all, RANKING);
    Set<Integer> negated = new HashSet<>();
    boolean appeal = false;
    boolean cancelsAll = false; // trade, or a quoted request closed
    boolean trade = false;
    for (Hit hit : all) {
      // Asking for information and charity appeals govern their clause even where a longer cue
      // overlaps them ("does anyone know if the Red Cross wants volunteers?"), but not from inside
      // a longer request that contains them ("¿alguien va para el centro?" asks for a ride; a
      // longer offer question, "does anyone know if they want ...", is still a question).
      // The group's own running (shifts, keys, the delivery rota) is no one's need or offer either.
      boolean governs = hit.tag().equals("inquiry") || hit.tag().equals("logistics");
      if (governs && !insideLongerCue(hit, cues)) {
        negated.add(tokenized.clauseOf(hit.start()));
      }
      appeal |= hit.tag().equals("appeal");
      // Selling, renting out and hiring are trade: nobody's need or gift, whatever else is said
      // ("Vendo planta eléctrica, no es regalo", "2 bed unit for rent", "Se busca cocinera, pago
      // semanal").
      trade |= hit.tag().equals("commerce");
    }
    cancelsAll |= trade;
    Set<Integer> figurative = new HashSet<>();
    BitSet figurativeWords = new BitSet();
    boolean closed = false;
    for (Hit hit : cues) {
      switch (hit.tag()) {
        case "negation" -> {
          negated.add(tokenized.clauseOf(hit.start()));
          closed = true;
        }
        case "figurative" -> {
          figurative.add(tokenized.clauseOf(hit.start()));
          figurativeWords.set(hit.start(), hit.end());
        }
        default -> {}
      }
    }
    // A reply that quotes a request and says it is done ("> anyone have a stroller? — sorted now",
    // "ریپلای به «کسی کالسکه داره؟»: حل شد"): the closure governs the quoted request too, which
    // sits in a clause of its own.
    boolean closedQuote = closed && opensWithQuote(raw, tokens, lexicon);
    cancelsAll |= closedQuote;
    Set<Integer> questions = questionClauses(tokenized);
    Tally tally = new Tally();
    for (Hit hit : cues) {
      Kind kind = kindOf(hit.tag());
      int clause = tokenized.clauseOf(hit.start());
      int near = evidence.concreteNear(tokenized, clause, figurativeWords);
      if (kind != null
              && (cancelsAll || cancelled(kind, hit, clause, near, negated, figurative, appeal))
          || hit.tag().startsWith("report.") && questions.contains(clause)) {
        // A report asked as a question asks for news ("is the water still off?", "¿siguen sin
        // luz?"), not for anything anyone could bring.
        tally.cancelled = true;
        continue;
      }
      tally.add(hit.tag(), kind, weight(hit.tag(), evidence.hasUrl()), near, evidence);
    }
    // Settled for the classifier too, unless a word of trade stands beside a strong cue ("a small
    // emergency fund for rent, fill out the form"): the classifier may still read that one.
    if (closedQuote || trade && !hasStrongCue(cues)) {
      return Reading.SETTLED;
    }
    boolean thingFor = opensWithThingFor(tokenized, lexicon, evidence);
    return decide(tally, evidence, !negated.isEmpty(), tokens.size(), thingFor);
  }

  /**
   * Whether the message opens with a concrete thing and soon says whom it is for: "size 10 work
   * boots for my partner", "Mascarillas N95 para la escuelita", "پتو و لباس گرم برای بچه‌ها". With
   * no cue at all that is how a request is written; an offer names its giving ("extra", "ready
   * at").
   */
  private static boolean opensWithThingFor(
      Tokenizer.Result tokenized, Lexicon lexicon, Evidence evidence) {
    if (evidence.found() == null) {
      return false;
    }
    int thing = evidence.found().concrete().nextSetBit(0);
    if (thing < 0 || thing > THING_OPENS) {
      return false;
    }
    List<Token> tokens = tokenized.tokens();
    int last = Math.min(tokens.size(), thing + 1 + FOR_WITHIN);
    for (int i = thing + 1; i < last; i++) {
      if (lexicon.beneficiary().contains(tokens.get(i).key())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the message opens by quoting another: a quote mark of mail and chat apps ({@code >}) or
   * a word of replying among its first words.
   */
  private static boolean opensWithQuote(String raw, List<Token> tokens, Lexicon lexicon) {
    if (raw.stripLeading().startsWith(">")) {
      return true;
    }
    int last = Math.min(tokens.size(), REPLY_OPENS);
    for (int i = 0; i < last; i++) {
      if (lexicon.replyWords().contains(tokens.get(i).key())) {
        return true;
      }
    }
    return false;
  }

  private static Set<Integer> questionClauses(Tokenizer.Result tokenized) {
    Set<Integer> questions = new HashSet<>();
    List<Token> tokens = tokenized.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).key().equals("?")) {
        questions.add(tokenized.clauseOf(i));
      }
    }
    return questions;
  }

  private static boolean hasStrongCue(List<Hit> cues) {
    for (Hit hit : cues) {
      if (kindOf(hit.tag()) != null && weight(hit.tag(), false) > 1) {
        return true;
      }
    }
    return false;
  }

  private static boolean insideLongerCue(Hit inner, List<Hit> selected) {
    for (Hit hit : selected) {
      if (kindOf(hit.tag()) == Kind.NEED
          && hit.start() <= inner.start()
          && hit.end() >= inner.end()
          && hit.length() > inner.length()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A cue read in its clause: a negation, closure or question for information there governs it
   * ("we're full, no more clothes", "does anyone know if the pantry is open"), a figurative object
   * makes it no request ("I need sleep"), and a charity appeal or a question about how to donate is
   * no one's own need.
   */
  private static boolean cancelled(
      Kind kind,
      Hit hit,
      int clause,
      int near,
      Set<Integer> negated,
      Set<Integer> figurative,
      boolean appeal) {
    if (negated.contains(clause)) {
      return true;
    }
    if (kind == Kind.NEED && appeal) {
      return true;
    }
    // "I need sleep", and asked the other way, "who needs sleep when ...": a figurative object
    // makes neither a request nor an offer that asks who wants it.
    boolean asksOrOffersAsked = kind == Kind.NEED || hit.tag().equals("offer.question");
    if (asksOrOffersAsked && figurative.contains(clause) && near < 2) {
      return true;
    }
    if (appeal && near < 2) {
      return true;
    }
    return false;
  }

  /** Cue weights and what stood next to the strongest cue of each kind. */
  private static final class Tally {
    int need;
    int offer;
    int strong;
    int other;
    boolean chatter;
    boolean cancelled;
    Kind first;
    double needSupport;
    double offerSupport;

    void add(String tag, Kind kind, int weight, int near, Evidence evidence) {
      if (kind == Kind.NEED) {
        need += weight;
        needSupport = Math.max(needSupport, support(tag, near, evidence));
      } else if (kind == Kind.OFFER) {
        offer += weight;
        offerSupport = Math.max(offerSupport, support(tag, near, evidence));
      } else {
        other++;
        chatter |= tag.equals("chatter");
      }
      if (weight > 1) {
        strong++;
      }
      if (first == null && kind != null && weight > 0) {
        first = kind;
      }
    }

    /**
     * A cue's own strength, and more the nearer the thing asked for or given is: in its clause, in
     * the next one, or elsewhere in the message (a cue of one's own only), or with only a setting
     * word ("shelter", "the clinic") in the message.
     */
    private static double support(String tag, int near, Evidence evidence) {
      double base =
          switch (tag) {
            case "offer.question" -> 0.55;
            case "need", "offer", "report.need", "report.offer" -> 0.5;
            default -> 0.4;
          };
      // A report must name the thing in its own clause ("the camp is short of tents"); "the roads
      // are flooded, drive safe" reports nothing anyone can give.
      boolean report = tag.startsWith("report.");
      if (near == 2) {
        return base + 0.4;
      }
      if (near == 1) {
        return base + (report ? 0.2 : 0.35);
      }
      if (evidence.anyConcrete() && !report) {
        return base + 0.25; // the thing is named, though farther from the cue
      }
      return evidence.hasCategory() ? base + 0.15 : base;
    }
  }

  private Reading decide(
      Tally tally, Evidence evidence, boolean negation, int words, boolean thingFor) {
    if (tally.strong == 0 && (tally.chatter || !evidence.hasCategory())
        || evidence.hasUrl() && !evidence.hasCategory()) {
      // Weak cues need a thing asked for or given and no thanks around them ("thanks for the
      // resume help"); a link with nothing concrete is news.
      return Reading.NONE;
    }
    boolean named = Math.max(tally.needSupport, tally.offerSupport) >= 0.9;
    if (negation && tally.chatter && tally.offer == 0 || negation && tally.strong == 0 && !named) {
      // "found someone to take me, thanks": a withdrawal with thanks, whatever it repeats; "we
      // have food for now, don't bring more": a closure, whatever weak cue is left, unless a
      // report names its thing ("neighbour out of her meds, the pharmacy closed").
      return Reading.NONE;
    }
    if (tally.need == 0 && tally.offer == 0) {
      boolean plain = tally.other == 0 && !tally.cancelled && !evidence.hasUrl();
      // A short list ("insulin, Portland, urgent") is a request; a longer sentence with a thing in
      // it and no cue is as likely news ("the pharmacy on Main closes early today"), unless it
      // opens with the thing and says whom it is for.
      boolean list = words <= BARE_WORDS || evidence.opensUrgent();
      double bare = plain && bareRequest(evidence) ? (list ? 0.8 : 0.55) : 0;
      double shaped = plain && thingFor ? THING_FOR : 0;
      double confidence = Math.max(bare, shaped);
      return confidence > 0 ? new Reading(Kind.NEED, confidence) : Reading.NONE;
    }
    Kind kind =
        tally.need != tally.offer
            ? (tally.need > tally.offer ? Kind.NEED : Kind.OFFER)
            : tally.first;
    return new Reading(kind, confidence(kind, tally, evidence));
  }

  private static double confidence(Kind kind, Tally tally, Evidence evidence) {
    double support = kind == Kind.NEED ? tally.needSupport : tally.offerSupport;
    double value = support;
    int against = kind == Kind.NEED ? tally.offer : tally.need;
    int mine = kind == Kind.NEED ? tally.need : tally.offer;
    if (against > 0) {
      value -= against >= mine ? 0.15 : 0.05;
    }
    if (tally.chatter) {
      value -= 0.1;
    }
    if (tally.cancelled) {
      value -= 0.1; // a cue was negated, figurative or an appeal: the rest may be too
    }
    if (evidence.hasUrl()) {
      value -= 0.2;
    }
    return Math.max(0, Math.min(1, value));
  }

  /** "insulin, Portland, urgent" or "3 tarps": a bare list is how people ask, not how they give. */
  private static boolean bareRequest(Evidence evidence) {
    return evidence.strongCategory() && (evidence.hasQuantity() || evidence.urgent());
  }

  private static Kind kindOf(String tag) {
    return switch (tag) {
      case "need", "need.weak", "report.need" -> Kind.NEED;
      case "offer", "offer.weak", "offer.question", "report.offer" -> Kind.OFFER;
      default -> null;
    };
  }

  private static int weight(String tag, boolean hasUrl) {
    return switch (tag) {
      case "offer.question" -> 3;
      case "need", "offer" -> 2;
      case "need.weak", "offer.weak" -> 1;
      case "report.need", "report.offer" -> hasUrl ? 0 : 1;
      default -> 0;
    };
  }

  /**
   * {@code need: ...}, {@code /offer ...}, {@code NEED ...} and their translations force the kind,
   * in whatever language the rest is written.
   */
  private Kind explicitKind(String raw, List<Token> tokens) {
    int i = 0;
    boolean slash = false;
    if (!tokens.isEmpty() && tokens.get(0).key().equals("/")) {
      slash = true;
      i = 1;
    }
    if (i >= tokens.size()) {
      return null;
    }
    String key = tokens.get(i).key();
    boolean colon = i + 1 < tokens.size() && tokens.get(i + 1).key().equals(":");
    boolean marked = slash || colon || shouted(raw, tokens.get(i).surface());
    if (!marked) {
      return null;
    }
    for (Lexicon lexicon : lexicons.all()) {
      if (lexicon.explicitNeed().contains(key)) {
        return Kind.NEED;
      }
      if (lexicon.explicitOffer().contains(key)) {
        return Kind.OFFER;
      }
    }
    return null;
  }

  /** Whether the message starts with the word in capitals, as in "NEED insulin". */
  private static boolean shouted(String raw, String word) {
    String trimmed = raw.strip();
    if (word.length() < 3 || trimmed.length() < word.length()) {
      return false;
    }
    String start = trimmed.substring(0, word.length());
    // Scripts without capitals (Persian) cannot shout: "پیشنهاد مبل رو پس میگیرم" is not a form.
    boolean cased = start.chars().anyMatch(Character::isUpperCase);
    return cased
        && start.equalsIgnoreCase(word)
        && start.equals(start.toUpperCase(java.util.Locale.ROOT));
  }
}
