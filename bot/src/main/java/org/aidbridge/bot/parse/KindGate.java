package org.aidbridge.bot.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.aidbridge.bot.ThreadCpu;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.parse.lexicon.Tokenizer;
import org.aidbridge.bot.place.PlaceFinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Weighs the rule reading of a message with a classifier learned from labelled messages ({@link
 * KindModel}), so that chatter the lexicons take for a listing (talk about past distributions, the
 * group's logistics, figurative giving) loses confidence, and a listing the rules found only weakly
 * can gain some. The confidence becomes {@code (1 - w) * ruleConfidence + w * probability} of the
 * kind the rules read. The classifier changes that kind in one case only: a weak rule need it reads
 * firmly as an offer becomes an offer ({@link #TO_OFFER}); a rule offer stays an offer (a question
 * that offers stays one). Where the rules found no kind, the classifier alone may make a message a
 * need or an offer when {@code w * probability} reaches {@link #PROMOTE} (the default question
 * threshold), and a listing when it reaches the listing threshold (a very sure classifier, a
 * request or an offer in words no lexicon lists). An explicit form ({@code need: ...}, {@code
 * /offer}) is left as it is, and so is a message the rules know is none (trade, a quoted request
 * closed in the reply: {@link KindClassifier.Reading#settled()}). The weights and the thresholds
 * were chosen by cross-validation that holds out one writer's files at a time ({@code
 * HeldOutWriterTest}, docs/parser-quality.md).
 */
final class KindGate {
  private static final Logger LOG = LoggerFactory.getLogger(KindGate.class);

  /**
   * The classifier's share of the confidence in a need; in an offer it is larger, because the rules
   * are wrong about offers more often (talk about past distributions, logistics, figurative
   * giving).
   */
  static final double NEED_WEIGHT = 0.6;

  static final double OFFER_WEIGHT = 0.7;

  /**
   * A message the rules read as no listing becomes one (or a question in private) only from this
   * score on.
   */
  static final double PROMOTE = ConfidenceBands.DEFAULT.ask();

  private static final ParseContext TRAINING_CONTEXT =
      ParseContext.at(Instant.parse("2026-11-24T10:00:00Z"));

  /**
   * A message the rules read as a need is read as an offer when the classifier's share of the offer
   * score alone reaches this and beats the need score: a rule cue of needing inside an offer ("if
   * anyone needs a lift", "for families who lost their home", "bring a bill") is the rules' most
   * common miss on writers they never saw (six-writer cross-validation, docs/parser-quality.md).
   */
  static final double TO_OFFER = 0.5;

  /**
   * A rule need at least this sure stays a need whatever the classifier says ("free legal help
   * needed": the classifier hears "free ... help" as an offer).
   */
  static final double KEEP_RULE_NEED = 0.85;

  /**
   * The same the other way: a rule offer becomes a need when the classifier's share of the need
   * score alone reaches this (a need probability of 0.95 at the need weight 0.6) and beats the
   * offer score: "who's got a camping stove?", "quién me puede cuidar a los niños?" (the rules hear
   * "got", "puede" as giving). At 0.5 and 0.55 the eight-writer cross-validation lost needs on some
   * writers; from 0.57 on it lost none (docs/parser-quality.md, seventh round).
   */
  static final double TO_NEED = 0.57;

  private final KindModel model;
  private final double needWeight;
  private final double offerWeight;
  private final double toOffer;
  private final double toNeed;
  private final double keepRuleNeed;

  KindGate(KindModel model, double needWeight, double offerWeight) {
    this(model, needWeight, offerWeight, TO_OFFER, TO_NEED, KEEP_RULE_NEED);
  }

  KindGate(
      KindModel model,
      double needWeight,
      double offerWeight,
      double toOffer,
      double toNeed,
      double keepRuleNeed) {
    this.model = model;
    this.needWeight = needWeight;
    this.offerWeight = offerWeight;
    this.toOffer = toOffer;
    this.toNeed = toNeed;
    this.keepRuleNeed = keepRuleNeed;
  }

  /** The shared gate, trained once per process on a thread of its own ({@link #training}). */
  private static final AtomicReference<CompletableFuture<KindGate>> SHARED =
      new AtomicReference<>();

  /** The thread the shared gate was trained on (for the test that it is not the caller's). */
  private static volatile String trainedOn;

  /**
   * The gate trained on every shipped corpus file, its training (about a second of a processor)
   * started on a daemon thread of its own on the first call: the application's start goes on
   * meanwhile, and only a message parsed before it is done waits for it.
   */
  static CompletableFuture<KindGate> training() {
    CompletableFuture<KindGate> started = SHARED.get();
    if (started != null) {
      return started;
    }
    CompletableFuture<KindGate> fresh = new CompletableFuture<>();
    if (!SHARED.compareAndSet(null, fresh)) {
      return SHARED.get();
    }
    Thread thread = new Thread(() -> trainShared(fresh), "kind-gate-training");
    thread.setDaemon(true);
    thread.start();
    return fresh;
  }

  private static void trainShared(CompletableFuture<KindGate> into) {
    try {
      long start = System.nanoTime();
      KindModel model = keptOrTrained();
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "kind gate: trained in {} ms, {} ms of processor time",
            (System.nanoTime() - start) / 1_000_000,
            ThreadCpu.millis());
      }
      trainedOn = Thread.currentThread().getName();
      into.complete(new KindGate(model, NEED_WEIGHT, OFFER_WEIGHT));
    } catch (RuntimeException | Error e) {
      into.completeExceptionally(e); // every parse then fails loudly, as a missing lexicon would
    }
  }

  /**
   * The model this very build trained and kept beside its jar ({@link KindModelCache}), or trained
   * now (and kept, when run from a jar).
   */
  private static KindModel keptOrTrained() {
    java.util.Optional<java.nio.file.Path> file = KindModelCache.beside();
    long build = org.aidbridge.bot.BuildChecksum.value();
    java.util.Optional<KindModel> kept = file.flatMap(f -> KindModelCache.read(f, build));
    if (kept.isPresent()) {
      return kept.get();
    }
    KindModel model = train(TrainingCorpus.load(), KindModel.Training.DEFAULT);
    file.ifPresent(f -> KindModelCache.write(f, build, model));
    return model;
  }

  /** The shared gate, waiting for its training if it is not done yet. */
  static KindGate shared() {
    return training().join();
  }

  static String trainedOn() {
    return trainedOn;
  }

  /** A model trained on {@code messages}, each tokenized as the parser tokenizes. */
  static KindModel train(List<TrainingCorpus.Message> messages, KindModel.Training training) {
    LexiconParser rules = new LexiconParser(PlaceFinder.NONE, null);
    List<KindModel.Example> examples = new ArrayList<>(messages.size());
    for (TrainingCorpus.Message message : messages) {
      examples.add(new KindModel.Example(features(rules, message.text()), label(message.kind())));
    }
    return KindModel.train(examples, training);
  }

  static KindFeatures.Vector features(LexiconParser rules, String text) {
    LexiconParser.RuleReading read = rules.readRules(text, TRAINING_CONTEXT);
    return KindFeatures.of(read.tokenized());
  }

  static int label(String kind) {
    return switch (kind) {
      case "need" -> KindModel.NEED;
      case "offer" -> KindModel.OFFER;
      default -> KindModel.NONE;
    };
  }

  long fingerprint() {
    return model.fingerprint();
  }

  KindClassifier.Reading weigh(KindClassifier.Reading rule, Tokenizer.Result tokenized) {
    return weigh(rule, model.probabilities(KindFeatures.of(tokenized)));
  }

  /** The rule reading weighed with the classifier's probabilities (need, offer, none). */
  KindClassifier.Reading weigh(KindClassifier.Reading rule, float[] p) {
    if (rule.confidence() >= 1 || rule.settled()) {
      return rule; // an explicit form (the person said which), or trade, or a request closed
    }
    double need =
        needWeight * p[KindModel.NEED]
            + (rule.kind() == Kind.NEED ? (1 - needWeight) * rule.confidence() : 0);
    double offer =
        offerWeight * p[KindModel.OFFER]
            + (rule.kind() == Kind.OFFER ? (1 - offerWeight) * rule.confidence() : 0);
    double classifierOffer = offerWeight * p[KindModel.OFFER];
    double classifierNeed = needWeight * p[KindModel.NEED];
    if (rule.kind() == Kind.NEED
        && rule.confidence() < keepRuleNeed
        && classifierOffer >= toOffer
        && classifierOffer > need) {
      return new KindClassifier.Reading(Kind.OFFER, classifierOffer);
    }
    if (rule.kind() == Kind.OFFER && classifierNeed >= toNeed && classifierNeed > offer) {
      return new KindClassifier.Reading(Kind.NEED, classifierNeed);
    }
    if (rule.kind() == Kind.NEED || rule.kind() == null && need >= offer && need >= PROMOTE) {
      return new KindClassifier.Reading(Kind.NEED, need);
    }
    if (rule.kind() == Kind.OFFER || rule.kind() == null && offer >= PROMOTE) {
      return new KindClassifier.Reading(Kind.OFFER, offer);
    }
    return rule; // the rules found no cue and the classifier is not sure enough to ask
  }
}
