package org.aidbridge.bot.place;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds the many ways a name can be written into one key: lower case, Latin diacritics removed
 * ("Juárez" = "juarez"), Arabic-script letters folded to their Persian forms (Arabic yeh and kaf,
 * teh marbuta, alef with hamza or madda), tashkeel, tatweel and zero-width (non-)joiners removed,
 * Persian and Arabic-Indic digits turned into ASCII digits, and every run of punctuation or space
 * collapsed into one space.
 *
 * <p>{@code scripts/build-gazetteer.py} applies the same rules when it writes the alternate names;
 * keep the two in step.
 */
public final class NameNormalizer {

  private NameNormalizer() {}

  /** The matching key of {@code text}; empty for null or text without letters or digits. */
  public static String normalize(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    if (isAscii(text)) {
      return collapse(text.toLowerCase(Locale.ROOT));
    }
    String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    boolean pendingSpace = false;
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK || type == Character.FORMAT) {
        continue; // diacritics, tashkeel, ZWNJ, ZWJ, bidi marks
      }
      String folded = fold(cp);
      if (folded.isEmpty()) {
        continue;
      }
      if (!Character.isLetterOrDigit(folded.codePointAt(0))) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.append(folded);
    }
    return out.toString();
  }

  /** Turns Persian (۰-۹) and Arabic-Indic (٠-٩) digits into ASCII digits, leaving the rest. */
  public static String asciiDigits(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int digit = digitValue(c);
      out.append(digit >= 0 ? (char) ('0' + digit) : c);
    }
    return out.toString();
  }

  private static int digitValue(int cp) {
    if (cp >= 0x06F0 && cp <= 0x06F9) {
      return cp - 0x06F0;
    }
    if (cp >= 0x0660 && cp <= 0x0669) {
      return cp - 0x0660;
    }
    return -1;
  }

  private static String fold(int decomposed) {
    // Compatibility forms such as "ℌ" or "ᴭ" only become a capital letter once decomposed.
    int cp = Character.toLowerCase(decomposed);
    int digit = digitValue(cp);
    if (digit >= 0) {
      return String.valueOf((char) ('0' + digit));
    }
    switch (cp) {
      case 0x064A, 0x0649, 0x06D2:
        return "\u06CC"; // Arabic yeh, alef maksura, Urdu yeh barree -> Persian yeh
      case 0x0643:
        return "\u06A9"; // Arabic kaf -> Persian kaf
      case 0x0629, 0x06C0, 0x06D5, 0x06C1, 0x06BE:
        return "\u0647"; // teh marbuta and heh variants -> heh
      case 0x0671:
        return "\u0627"; // alef wasla -> alef (hamza and madda forms lose their mark in NFKD)
      case 0x0640:
        return ""; // tatweel stretches a word, it is not a letter
      case 'ß':
        return "ss";
      case 'æ':
        return "ae";
      case 'œ':
        return "oe";
      case 'ø':
        return "o";
      case 'ł':
        return "l";
      case 'đ', 'ð':
        return "d";
      case 'þ':
        return "th";
      case 'ı':
        return "i";
      case 'ħ':
        return "h";
      default:
        return new String(Character.toChars(cp));
    }
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static String collapse(String lower) {
    StringBuilder out = new StringBuilder(lower.length());
    boolean pendingSpace = false;
    boolean changed = false;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
      } else {
        changed |= c != ' ' || out.length() == 0 || pendingSpace;
        pendingSpace = out.length() > 0;
      }
    }
    return changed || pendingSpace ? out.toString() : lower;
  }
}
