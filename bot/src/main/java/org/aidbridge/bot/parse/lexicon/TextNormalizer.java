package org.aidbridge.bot.parse.lexicon;

/**
 * Brings text from many keyboards to one form before matching: lower case, one Persian alphabet
 * (Arabic yeh and kaf become Persian ones), ASCII digits for Persian and Arabic-Indic ones, no
 * diacritics, tatweel, direction marks or control characters. The zero-width non-joiner becomes a
 * space so that "پوشک‌ها" yields the word "پوشک". Lengths may change; callers never map back.
 */
public final class TextNormalizer {

  private TextNormalizer() {}

  public static String normalize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      appendNormalized(out, cp);
    }
    return out.toString();
  }

  private static void appendNormalized(StringBuilder out, int cp) {
    if (isDropped(cp)) {
      return;
    }
    if (cp == '\n' || cp == 0x2029 || cp == 0x2028) {
      out.append('\n'); // a line break ends a clause, as a full stop does
      return;
    }
    if (cp == 0x200C || Character.isISOControl(cp) || Character.isWhitespace(cp) || cp == 0x00A0) {
      out.append(' ');
      return;
    }
    if (cp >= 0x06F0 && cp <= 0x06F9) {
      out.append((char) ('0' + cp - 0x06F0));
      return;
    }
    if (cp >= 0x0660 && cp <= 0x0669) {
      out.append((char) ('0' + cp - 0x0660));
      return;
    }
    int mapped = mapArabicScript(cp);
    if (mapped != cp) {
      out.append((char) mapped);
      return;
    }
    out.appendCodePoint(Character.toLowerCase(cp));
  }

  /** Latin letters lose their accents so that "dias" finds "días"; ñ becomes n on both sides. */
  public static String fold(String word) {
    boolean plain = true;
    for (int i = 0; i < word.length() && plain; i++) {
      char c = word.charAt(i);
      plain = c < 0xC0 || c > 0x17F;
    }
    if (plain) {
      return word;
    }
    StringBuilder out = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      out.append(foldLatin(word.charAt(i)));
    }
    return out.toString();
  }

  private static boolean isDropped(int cp) {
    return cp == 0x0640 // tatweel
        || (cp >= 0x064B && cp <= 0x065F) // tashkeel
        || cp == 0x0670
        || cp == 0x200B
        || cp == 0x200D
        || cp == 0x200E
        || cp == 0x200F
        || cp == 0x061C
        || cp == 0xFEFF
        || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069)
        || (cp >= 0xFE00 && cp <= 0xFE0F) // emoji variation selectors
        || Character.getType(cp) == Character.NON_SPACING_MARK;
  }

  private static int mapArabicScript(int cp) {
    switch (cp) {
      case 0x064A: // Arabic yeh
      case 0x0649: // alef maksura
        return 0x06CC;
      case 0x0643: // Arabic kaf
        return 0x06A9;
      case 0x0629: // teh marbuta
      case 0x06C0: // heh with yeh above
        return 0x0647;
      case 0x0623: // alef with hamza above
      case 0x0625: // alef with hamza below
        return 0x0627;
      case 0x0624:
        return 0x0648;
      case 0x2019: // typographic apostrophe
        return '\'';
      case 0x061F: // Arabic question mark
        return '?';
      case 0x060C:
        return ',';
      case 0x066B:
        return '.';
      default:
        return cp;
    }
  }

  private static char foldLatin(char c) {
    switch (c) {
      case 'à', 'á', 'â', 'ã', 'ä', 'å':
        return 'a';
      case 'è', 'é', 'ê', 'ë':
        return 'e';
      case 'ì', 'í', 'î', 'ï':
        return 'i';
      case 'ò', 'ó', 'ô', 'õ', 'ö':
        return 'o';
      case 'ù', 'ú', 'û', 'ü':
        return 'u';
      case 'ñ':
        return 'n';
      case 'ç':
        return 'c';
      default:
        return c;
    }
  }
}
