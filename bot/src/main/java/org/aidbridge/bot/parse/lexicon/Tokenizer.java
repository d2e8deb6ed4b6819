package org.aidbridge.bot.parse.lexicon;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits normalized text into words, numbers and the few signs that carry meaning ($ € £ ? : /).
 * Links are skipped (their words are not the message's words) but remembered. Runs in one pass
 * without regular expressions, so any input costs linear time.
 */
public final class Tokenizer {

  /**
   * The tokens of a text, whether it carried a link, and the clause of each token: clauses end at
   * {@code . ! ? ; ,} and line breaks, so that a negation or a cue is read with the words it
   * governs ("we're full, no more clothes" is one closure; "got a ride, now need food" is not).
   */
  public record Result(List<Token> tokens, boolean hasUrl, int[] clauses) {

    public Result(List<Token> tokens, boolean hasUrl) {
      this(tokens, hasUrl, new int[tokens.size()]);
    }

    /** The clause of token {@code i}, counted from 0. */
    public int clauseOf(int i) {
      return i < clauses.length ? clauses[i] : 0;
    }
  }

  private Tokenizer() {}

  public static Result tokenize(String normalized) {
    return tokenize(normalized, java.util.Set.of());
  }

  /**
   * As {@link #tokenize(String)}, and each of {@code clauseOpeners} opens a clause of its own even
   * without a comma ("power came back but we still need a generator"), so that a negation or a
   * closure before it does not govern what follows.
   */
  public static Result tokenize(String normalized, java.util.Set<String> clauseOpeners) {
    List<Token> tokens = new ArrayList<>();
    int[] clauses = new int[16];
    int clause = 0;
    boolean hasUrl = false;
    int n = normalized.length();
    int i = 0;
    while (i < n) {
      char c = normalized.charAt(i);
      if (startsLink(normalized, i)) {
        hasUrl = true;
        i = skipToSpace(normalized, i);
      } else if (Character.isLetterOrDigit(c)
          || Character.isSurrogate(c) && isWordAt(normalized, i)) {
        int end = wordEnd(normalized, i);
        String word = normalized.substring(i, end);
        String key = TextNormalizer.fold(word);
        if (clauseOpeners.contains(key)
            && !tokens.isEmpty()
            && clauses[tokens.size() - 1] == clause) {
          clause++;
        }
        clauses = mark(clauses, tokens.size(), clause);
        tokens.add(new Token(key, word));
        i = end;
      } else {
        if (c == '$' || c == '€' || c == '£' || c == '?' || c == ':' || c == '/') {
          clauses = mark(clauses, tokens.size(), clause);
          tokens.add(new Token(String.valueOf(c), String.valueOf(c)));
        }
        if (endsClause(c) && !tokens.isEmpty() && clauses[tokens.size() - 1] == clause) {
          clause++;
        }
        i++;
      }
    }
    return new Result(tokens, hasUrl, java.util.Arrays.copyOf(clauses, tokens.size()));
  }

  private static boolean endsClause(char c) {
    return c == '.' || c == '!' || c == '?' || c == ';' || c == ',' || c == '\n';
  }

  private static int[] mark(int[] clauses, int index, int clause) {
    int[] out = index < clauses.length ? clauses : java.util.Arrays.copyOf(clauses, index * 2);
    out[index] = clause;
    return out;
  }

  private static boolean isWordAt(String s, int i) {
    return Character.isLetterOrDigit(s.codePointAt(i));
  }

  private static boolean startsLink(String s, int i) {
    if (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
      return false;
    }
    return s.startsWith("http://", i) || s.startsWith("https://", i) || s.startsWith("www.", i);
  }

  private static int skipToSpace(String s, int i) {
    int j = i;
    while (j < s.length() && s.charAt(j) != ' ' && s.charAt(j) != '\n') {
      j++;
    }
    return j;
  }

  /** A word ends at a non-letter, or where digits meet letters ("2kg" is "2" and "kg"). */
  private static int wordEnd(String s, int start) {
    boolean digits = Character.isDigit(s.charAt(start));
    int j = start;
    while (j < s.length()) {
      int cp = s.codePointAt(j);
      boolean letterOrDigit = Character.isLetterOrDigit(cp);
      if (letterOrDigit && Character.isDigit(cp) == digits) {
        j += Character.charCount(cp);
      } else if (!letterOrDigit && joinsWord(s, j, digits)) {
        j++;
      } else {
        break;
      }
    }
    return j;
  }

  /** Apostrophes inside words ("can't") and separators inside numbers ("1.5", "1,000"). */
  private static boolean joinsWord(String s, int j, boolean digits) {
    char c = s.charAt(j);
    if (j + 1 >= s.length()) {
      return false;
    }
    char next = s.charAt(j + 1);
    if (digits) {
      return (c == '.' || c == ',') && Character.isDigit(next);
    }
    return (c == '\'' || c == '’') && Character.isLetter(next);
  }
}
