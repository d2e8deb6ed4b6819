package org.aidbridge.bot.place;

/**
 * Consonant skeletons, to find a Persian-script town name among the Latin names GeoNames has when
 * no alternate name matches: "کرج" and "Karaj" both become "krj". Persian writes few vowels, so the
 * skeleton drops them on both sides, and also the letters that are vowels as often as consonants (و
 * and ی, v/w and y); letters Persian writes differently but says alike (س ص ث, ز ذ ض ظ, ت ط, ه ح, غ
 * ق) share one symbol, as do the Latin spellings of each ("kh" and "x", "q" and "gh").
 */
final class Skeletons {

  private Skeletons() {}

  /** The skeleton of a normalised Latin name ("karaj", "kermanshah"), or "" if it has none. */
  static String latin(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      char next = i + 1 < key.length() ? key.charAt(i + 1) : ' ';
      char symbol;
      if (next == 'h' && "kszgc".indexOf(c) >= 0) {
        symbol =
            switch (c) {
              case 'k' -> 'x';
              case 's' -> 'S';
              case 'z' -> 'Z';
              case 'g' -> 'G';
              default -> 'C';
            };
        i++;
      } else {
        symbol = latinLetter(c);
      }
      append(out, symbol);
    }
    return out.toString();
  }

  private static char latinLetter(char c) {
    return switch (c) {
      case 'q' -> 'G';
      case 'c' -> 'k';
      case 'a', 'e', 'i', 'o', 'u', 'y', 'w', 'v', '\'', '-' -> 0;
      default -> c >= 'a' && c <= 'z' ? c : c == ' ' ? ' ' : 0;
    };
  }

  /** The skeleton of a word or phrase in Persian script, or "" if it has letters of no other. */
  static String persian(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean wordEnd = i + 1 == key.length() || key.charAt(i + 1) == ' ';
      if (c == 'ه' && wordEnd && i > 0 && "اوی".indexOf(key.charAt(i - 1)) < 0) {
        continue; // a final ه after a consonant is a vowel: "بندره" is "bandare"
      }
      char symbol = persianLetter(c);
      if (symbol == '?') {
        return "";
      }
      append(out, symbol);
    }
    return out.toString();
  }

  private static char persianLetter(char c) {
    return switch (c) {
      case 'ب' -> 'b';
      case 'پ' -> 'p';
      case 'ت', 'ط' -> 't';
      case 'ث', 'س', 'ص' -> 's';
      case 'ج' -> 'j';
      case 'چ' -> 'C';
      case 'ح', 'ه' -> 'h';
      case 'خ' -> 'x';
      case 'د' -> 'd';
      case 'ذ', 'ز', 'ض', 'ظ' -> 'z';
      case 'ر' -> 'r';
      case 'ژ' -> 'Z';
      case 'ش' -> 'S';
      case 'غ', 'ق' -> 'G';
      case 'ف' -> 'f';
      case 'ک', 'ك' -> 'k';
      case 'گ' -> 'g';
      case 'ل' -> 'l';
      case 'م' -> 'm';
      case 'ن' -> 'n';
      case 'ا', 'آ', 'و', 'ی', 'ي', 'ع', 'ء', 'ئ', 'ؤ', 'أ', 'إ', 'ة' -> 0;
      case ' ' -> ' ';
      default -> '?';
    };
  }

  /** Appends a symbol; vowels (0) vanish and a doubled consonant is written once. */
  private static void append(StringBuilder out, char symbol) {
    if (symbol == 0) {
      return;
    }
    if (symbol == ' ') {
      if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
        out.append(' ');
      }
      return;
    }
    if (out.length() == 0 || out.charAt(out.length() - 1) != symbol) {
      out.append(symbol);
    }
  }
}
