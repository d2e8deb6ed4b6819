package org.aidbridge.bot.parse;

import java.util.List;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.parse.lexicon.Hit;
import org.aidbridge.bot.parse.lexicon.Hits;
import org.aidbridge.bot.parse.lexicon.Lexicon;
import org.aidbridge.bot.parse.lexicon.Lexicons;
import org.aidbridge.bot.parse.lexicon.Token;

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
          "offer.question",
          "neutral",
          "need",
          "offer",
          "need.weak",
          "offer.weak",
          "report.need",
          "report.offer",
          "chatter");

  /** What else the message has, besides its cue phrases. */
  record Evidence(
      boolean hasUrl,
      boolean hasCategory,
      boolean strongCategory,
      boolean hasQuantity,
      boolean urgent) {}

  private final Lexicons lexicons;

  KindClassifier(Lexicons lexicons) {
    this.lexicons = lexicons;
  }

  Kind classify(String raw, List<Token> tokens, Lexicon lexicon, Evidence evidence) {
    Kind explicit = explicitKind(raw, tokens);
    if (explicit != null) {
      return explicit;
    }
    List<Hit> cues = Hits.select(lexicon.cues().findAll(tokens), RANKING);
    int need = 0;
    int offer = 0;
    int strong = 0;
    int other = 0;
    boolean chatter = false;
    boolean negation = false;
    Kind first = null;
    for (Hit hit : cues) {
      int weight = weight(hit.tag(), evidence.hasUrl());
      Kind kind = kindOf(hit.tag());
      if (kind == Kind.NEED) {
        need += weight;
      } else if (kind == Kind.OFFER) {
        offer += weight;
      } else {
        other++;
        chatter |= hit.tag().equals("chatter");
        negation |= hit.tag().equals("negation");
      }
      if (weight > 1) {
        strong++;
      }
      if (first == null && kind != null && weight > 0) {
        first = kind;
      }
    }
    if (strong == 0 && (chatter || !evidence.hasCategory())
        || evidence.hasUrl() && !evidence.hasCategory()) {
      // Weak cues need a thing asked for or given and no thanks around them ("thanks for the
      // resume help"); a link with nothing concrete is news.
      return null;
    }
    if (negation && chatter && offer == 0) {
      // "found someone to take me, thanks": a withdrawal with thanks, whatever it repeats.
      return null;
    }
    if (need == 0 && offer == 0) {
      return other == 0 && !evidence.hasUrl() && bareRequest(evidence) ? Kind.NEED : null;
    }
    if (need != offer) {
      return need > offer ? Kind.NEED : Kind.OFFER;
    }
    return first;
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
    return start.equalsIgnoreCase(word) && start.equals(start.toUpperCase(java.util.Locale.ROOT));
  }
}
