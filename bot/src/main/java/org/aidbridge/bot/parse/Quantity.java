package org.aidbridge.bot.parse;

import java.math.BigDecimal;
import java.util.List;
import org.aidbridge.bot.parse.lexicon.Lexicons;
import org.aidbridge.bot.parse.lexicon.Token;

/** An amount and its unit found next to an item, with the tokens it took. */
record Quantity(BigDecimal amount, String unit, int from, int to) {

  static final String SIZE = "size";

  void markUsed(boolean[] used) {
    for (int i = from; i < to; i++) {
      used[i] = true;
    }
  }

  /** "2 bags of rice", "two boxes", "$500 bail", "size 4 diapers", "۳ بسته پوشک". */
  static Quantity before(List<Token> tokens, int start, Lexicons lexicons) {
    int j = start - 1;
    if (j >= 0 && lexicons.isLinkWord(tokens.get(j).key())) {
      j--;
    }
    String unit = null;
    if (j >= 0 && lexicons.unit(tokens.get(j).key()) != null) {
      unit = lexicons.unit(tokens.get(j).key());
      j--;
    } else if (j >= 1
        && number(tokens.get(j), lexicons) == null
        && isAdjective(tokens.get(j), lexicons)
        && number(tokens.get(j - 1), lexicons) != null) {
      j--;
    }
    BigDecimal amount = j >= 0 ? number(tokens.get(j), lexicons) : null;
    if (amount == null) {
      return null;
    }
    int from = j;
    if (j >= 1 && unit == null) {
      String key = tokens.get(j - 1).key();
      if (lexicons.currency(key) != null) {
        unit = lexicons.currency(key);
        from = j - 1;
      } else if (lexicons.isSizeWord(key)) {
        unit = SIZE;
        from = j - 1;
      }
    }
    if (unit == null && j + 1 < start && lexicons.currency(tokens.get(j + 1).key()) != null) {
      unit = lexicons.currency(tokens.get(j + 1).key());
    }
    return new Quantity(amount, unit, from, start);
  }

  /** "pañales talla 3", "diapers size 4", "agua 5 garrafones", "پوشک ۳ بسته". */
  static Quantity after(List<Token> tokens, int end, Lexicons lexicons) {
    int j = end;
    if (j + 1 < tokens.size() && lexicons.isSizeWord(tokens.get(j).key())) {
      BigDecimal size = number(tokens.get(j + 1), lexicons);
      return size == null ? null : new Quantity(size, SIZE, j, j + 2);
    }
    if (j + 1 < tokens.size()) {
      BigDecimal amount = number(tokens.get(j), lexicons);
      String unit = lexicons.unit(tokens.get(j + 1).key());
      if (amount != null && unit != null) {
        return new Quantity(amount, unit, j, j + 2);
      }
    }
    return null;
  }

  private static boolean isAdjective(Token token, Lexicons lexicons) {
    String key = token.key();
    return !key.isEmpty()
        && Character.isLetter(key.charAt(0))
        && !lexicons.isStopword(key)
        && lexicons.currency(key) == null;
  }

  /** A number written in digits (any script, already normalized) or as a lexicon number word. */
  static BigDecimal number(Token token, Lexicons lexicons) {
    if (token.isNumber()) {
      return parseDigits(token.key());
    }
    return lexicons.number(token.key());
  }

  private static BigDecimal parseDigits(String digits) {
    if (digits.length() > 12) {
      return null;
    }
    String plain = digits;
    int comma = digits.indexOf(',');
    if (comma >= 0) {
      boolean thousands = digits.length() - comma == 4 && digits.indexOf('.') < 0;
      plain = thousands ? digits.replace(",", "") : digits.replace(',', '.');
    }
    try {
      return new BigDecimal(plain);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
