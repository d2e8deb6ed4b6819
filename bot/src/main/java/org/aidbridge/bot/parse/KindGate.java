package org.aidbridge.bot.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.parse.lexicon.Tokenizer;
import org.aidbridge.bot.place.PlaceFinder;

/**
 * Weighs the rule reading of a message with a classifier learned from labelled messages ({@link
 * KindModel}), so that chatter the lexicons take for a listing (talk about past distributions, the
 * group's logistics, figurative giving) loses confidence, and a listing whose phrasing no lexicon
 * lists can gain some. For each kind the score is {@code (1 - weight) * ruleConfidence + weight *
 * probability}, where the rule confidence counts only for the kind the rules read; the higher score
 * is the kind and its confidence. An explicit form ({@code need: ...}, {@code /offer}) is left as
 * it is. The weight was chosen by cross-validation that holds out one writer's file at a time
 * (docs/parser-quality.md).
 */
final class KindGate {

  /** The classifier's share of the confidence. */
  static final double WEIGHT = 0.6;

  /**
   * A message the rules read as no listing becomes one (or a question in private) only from this
   * score on.
   */
  static final double PROMOTE = ConfidenceBands.DEFAULT.ask();

  private static final ParseContext TRAINING_CONTEXT =
      ParseContext.at(Instant.parse("2026-11-24T10:00:00Z"));

  private final KindModel model;
  private final double weight;

  KindGate(KindModel model, double weight) {
    this.model = model;
    this.weight = weight;
  }

  private static final class Shared {
    static final KindGate INSTANCE =
        new KindGate(train(TrainingCorpus.load(), KindModel.Training.DEFAULT), WEIGHT);
  }

  /** The gate trained on every shipped corpus file; trained once, on first use (well under 1 s). */
  static KindGate shared() {
    return Shared.INSTANCE;
  }

  /** A model trained on {@code messages}, each read by the rules alone first. */
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
    if (rule.confidence() >= 1) {
      return rule; // an explicit form: the person said which
    }
    double need = weight * p[KindModel.NEED] + (rule.kind() == Kind.NEED ? rest(rule) : 0);
    double offer = weight * p[KindModel.OFFER] + (rule.kind() == Kind.OFFER ? rest(rule) : 0);
    if (rule.kind() == Kind.NEED || rule.kind() == null && need >= offer && need >= PROMOTE) {
      return new KindClassifier.Reading(Kind.NEED, need);
    }
    if (rule.kind() == Kind.OFFER || rule.kind() == null && offer >= PROMOTE) {
      return new KindClassifier.Reading(Kind.OFFER, offer);
    }
    return rule; // the rules found no cue and the classifier is not sure enough to ask
  }

  private double rest(KindClassifier.Reading rule) {
    return (1 - weight) * rule.confidence();
  }
}
