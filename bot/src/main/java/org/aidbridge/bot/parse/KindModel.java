package org.aidbridge.bot.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A linear classifier (multinomial logistic regression) over {@link KindFeatures}: how likely a
 * message is a need, an offer or neither. It is trained by stochastic gradient descent in a fixed
 * order (a seeded shuffle) with float arithmetic, which Java computes the same way everywhere, so
 * the same examples always give the same weights.
 */
final class KindModel {

  static final int NEED = 0;
  static final int OFFER = 1;
  static final int NONE = 2;
  static final int CLASSES = 3;

  /** One labelled message. */
  record Example(KindFeatures.Vector features, int label) {}

  /** How training runs; {@link #DEFAULT} was chosen by cross-validation over writers. */
  record Training(int epochs, float rate, float l2, long seed) {
    static final Training DEFAULT = new Training(25, 1.0f, 1e-5f, 11L);
  }

  /** The weights of slot {@code s} for class {@code c} are at {@code s * CLASSES + c}. */
  private final float[] weights;

  private KindModel(float[] weights) {
    this.weights = weights;
  }

  /** A model of the weights {@code weights} (as {@link #weights()} gave them, from a cache). */
  static KindModel of(float[] weights) {
    if (weights.length != KindFeatures.SLOTS * CLASSES) {
      throw new IllegalArgumentException("weights of another shape: " + weights.length);
    }
    return new KindModel(weights.clone());
  }

  /** A copy of the weights, for keeping the model in a file ({@link KindModelCache}). */
  float[] weights() {
    return weights.clone();
  }

  static KindModel train(List<Example> examples, Training training) {
    float[] weights = new float[KindFeatures.SLOTS * CLASSES];
    List<Example> order = new ArrayList<>(examples);
    Random random = new Random(training.seed());
    float[] p = new float[CLASSES];
    for (int epoch = 0; epoch < training.epochs(); epoch++) {
      Collections.shuffle(order, random);
      float rate = training.rate() / (1 + epoch);
      for (Example example : order) {
        scores(weights, example.features(), p);
        softmax(p);
        step(weights, example, p, rate, training.l2());
      }
    }
    return new KindModel(weights);
  }

  /** The probabilities of need, offer and none, in that order. */
  float[] probabilities(KindFeatures.Vector features) {
    float[] p = new float[CLASSES];
    scores(weights, features, p);
    softmax(p);
    return p;
  }

  /** A fingerprint of the weights, for the test that retraining gives the same model. */
  long fingerprint() {
    long h = 1125899906842597L;
    for (float w : weights) {
      h = 31 * h + Float.floatToIntBits(w);
    }
    return h;
  }

  private static void step(float[] weights, Example example, float[] p, float rate, float l2) {
    KindFeatures.Vector features = example.features();
    int[] slots = features.slots();
    for (int i = 0; i < features.length(); i++) {
      int base = slots[i] * CLASSES;
      float value = features.value(i);
      for (int c = 0; c < CLASSES; c++) {
        float gradient = (p[c] - (c == example.label() ? 1 : 0)) * value;
        weights[base + c] -= rate * (gradient + l2 * weights[base + c]);
      }
    }
  }

  private static void scores(float[] weights, KindFeatures.Vector features, float[] out) {
    out[0] = 0;
    out[1] = 0;
    out[2] = 0;
    int[] slots = features.slots();
    for (int i = 0; i < features.length(); i++) {
      int base = slots[i] * CLASSES;
      float value = features.value(i);
      out[0] += weights[base] * value;
      out[1] += weights[base + 1] * value;
      out[2] += weights[base + 2] * value;
    }
  }

  private static void softmax(float[] p) {
    float max = Math.max(p[0], Math.max(p[1], p[2]));
    float sum = 0;
    for (int c = 0; c < CLASSES; c++) {
      p[c] = (float) StrictMath.exp(p[c] - max); // the same result on every machine
      sum += p[c];
    }
    for (int c = 0; c < CLASSES; c++) {
      p[c] /= sum;
    }
  }
}
