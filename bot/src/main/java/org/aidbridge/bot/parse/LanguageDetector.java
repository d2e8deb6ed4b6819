package org.aidbridge.bot.parse;

import java.util.List;
import org.aidbridge.bot.parse.lexicon.Lexicon;
import org.aidbridge.bot.parse.lexicon.Lexicons;
import org.aidbridge.bot.parse.lexicon.Token;

/**
 * Says which lexicon's language a message is in. The script decides first (Arabic script or Latin);
 * within a script, letters only one language uses and typical words are counted. The channel's hint
 * breaks ties, else the first language of the index. Deterministic and cheap: no statistical model,
 * which on three-word messages guesses more than it knows.
 */
final class LanguageDetector {

  private final Lexicons lexicons;

  LanguageDetector(Lexicons lexicons) {
    this.lexicons = lexicons;
  }

  Lexicon detect(String raw, List<Token> tokens, String hint) {
    int arabic = 0;
    int latin = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= 0x0600 && c <= 0x06FF || c >= 0xFB50 && c <= 0xFDFF || c >= 0xFE70 && c <= 0xFEFF) {
        arabic++;
      } else if (c < 0x250 && Character.isLetter(c)) {
        latin++;
      }
    }
    Lexicon hinted =
        hint == null ? null : lexicons.byCode(hint.length() > 2 ? hint.substring(0, 2) : hint);
    if (arabic == 0 && latin == 0) {
      return hinted != null ? hinted : lexicons.all().get(0);
    }
    boolean arabicScript = arabic >= 2 && arabic * 3 >= latin;
    Lexicon best = null;
    int bestScore = -1;
    for (Lexicon lexicon : lexicons.all()) {
      if (lexicon.arabicScript() != arabicScript) {
        continue;
      }
      int score = score(lexicon, raw, tokens);
      if (score > bestScore || score == bestScore && lexicon == hinted) {
        best = lexicon;
        bestScore = score;
      }
    }
    return best != null ? best : hinted != null ? hinted : lexicons.all().get(0);
  }

  private static int score(Lexicon lexicon, String raw, List<Token> tokens) {
    int score = 0;
    String signature = lexicon.signature();
    if (!signature.isEmpty()) {
      for (int i = 0; i < raw.length(); i++) {
        if (signature.indexOf(raw.charAt(i)) >= 0) {
          score += 3;
        }
      }
    }
    for (Token token : tokens) {
      if (lexicon.common().contains(token.key())) {
        score += 2;
      }
    }
    return score;
  }
}
