package org.aidbridge.routes.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps only what the person wrote now: quoted earlier messages and signatures are cut, so that a
 * reply quoting "I need insulin" is not read as a second request for insulin.
 */
final class QuoteStripper {
  /** "On Mon, 3 Jun 2024, Ana wrote:", "El lun, 3 jun 2024, Ana escribió:", "... نوشت:". */
  private static final Pattern ATTRIBUTION =
      Pattern.compile(
          "^[\\u200e\\u200f\\u202a-\\u202e\\s]*(on|el|am|le|در)\\s.+"
              + "(wrote|escribió|escribio|schrieb|a écrit|نوشت)[\\u200e\\u200f\\u202a-\\u202e\\s]*:"
              + "[\\u200e\\u200f\\u202a-\\u202e\\s]*$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Persian mail programs put the name first: "علی در تاریخ ۳ خرداد ... نوشت:". */
  private static final Pattern ATTRIBUTION_FA =
      Pattern.compile(
          ".*(^|\\s)در\\s.+نوشت[\\u200e\\u200f\\u202a-\\u202e\\s]*:[\\u200e\\u200f\\u202a-\\u202e\\s]*$");

  /** A line ending such an attribution when a mail program wrapped it onto two lines. */
  private static final Pattern ATTRIBUTION_END =
      Pattern.compile(
          ".*(wrote|escribió|escribio|schrieb|a écrit|نوشت)[\\u200e\\u200f\\u202a-\\u202e\\s]*:"
              + "[\\u200e\\u200f\\u202a-\\u202e\\s]*$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern ATTRIBUTION_START =
      Pattern.compile("^\\s*(on|el|am|le|در)\\s.+", Pattern.CASE_INSENSITIVE);

  /** "-----Original Message-----", "-----Mensaje original-----", "----- پیام اصلی -----". */
  private static final Pattern ORIGINAL_MESSAGE =
      Pattern.compile(
          "^\\s*-{3,}\\s*(original message|mensaje original|pesan asli|پیام اصلی|message d'origine)"
              + "\\s*-{3,}\\s*$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** The header block Outlook puts above the quoted original: From:/De:/از: then Sent:/To:... */
  private static final Pattern HEADER_FROM =
      Pattern.compile("^\\s*\\*?(from|de|von|از)\\s*:\\*?\\s.*", Pattern.CASE_INSENSITIVE);

  private static final Pattern HEADER_NEXT =
      Pattern.compile(
          "^\\s*\\*?(sent|date|to|subject|enviado|fecha|para|asunto|gesendet|an|betreff|تاریخ|به|موضوع)"
              + "\\s*:.*",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern SEPARATOR = Pattern.compile("^\\s*_{8,}\\s*$");

  /** Lines phones and webmail add under the text. */
  private static final Pattern DEVICE_SIGNATURE =
      Pattern.compile(
          "^\\s*(sent from my|sent from (outlook|yahoo|mail for)|get outlook for|sent with proton"
              + "|enviado desde mi|enviado desde (outlook|yahoo)|obtener outlook para"
              + "|ارسال شده از|فرستاده شده از).{0,60}$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final int SHORT_SIGNATURE_LINES = 7;

  private QuoteStripper() {}

  /** The new text of a mail body, without quotes, the earlier message or a signature. */
  static String newText(String body) {
    List<String> lines = List.of(body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (endsNewText(lines, i)) {
        break;
      }
      if (line.stripLeading().startsWith(">")) {
        continue;
      }
      kept.add(line.stripTrailing());
    }
    return tidy(kept);
  }

  /**
   * Whether the new text of {@code body} runs to its very end: no quote, attribution or signature
   * comes after it, and its last line is not quoted. When a body was cut, only then did the new
   * text lose its end.
   */
  static boolean newTextRunsToTheEnd(String body) {
    List<String> lines = List.of(body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
    for (int i = 0; i < lines.size(); i++) {
      if (endsNewText(lines, i)) {
        return false;
      }
    }
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (!lines.get(i).isBlank()) {
        return !lines.get(i).stripLeading().startsWith(">");
      }
    }
    return true;
  }

  private static boolean endsNewText(List<String> lines, int i) {
    String line = lines.get(i);
    if (line.equals("-- ")) {
      return true;
    }
    if (line.strip().equals("--")) {
      // Without the space it may also be a person's own separator: a signature is short.
      return lines.size() - i <= SHORT_SIGNATURE_LINES;
    }
    if (ATTRIBUTION.matcher(line).matches()
        || ATTRIBUTION_FA.matcher(line).matches()
        || ORIGINAL_MESSAGE.matcher(line).matches()) {
      return true;
    }
    if (DEVICE_SIGNATURE.matcher(line).matches()) {
      return true;
    }
    if (ATTRIBUTION_START.matcher(line).matches()
        && i + 1 < lines.size()
        && ATTRIBUTION_END.matcher(lines.get(i + 1)).matches()
        && line.length() + lines.get(i + 1).length() < 200) {
      return true;
    }
    if (SEPARATOR.matcher(line).matches() && i + 1 < lines.size()) {
      return HEADER_FROM.matcher(lines.get(i + 1)).matches();
    }
    return HEADER_FROM.matcher(line).matches() && headerBlockFollows(lines, i + 1);
  }

  /** An Outlook header block: at least two of Sent/To/Subject within the next lines. */
  private static boolean headerBlockFollows(List<String> lines, int from) {
    int found = 0;
    for (int i = from; i < Math.min(lines.size(), from + 5); i++) {
      if (HEADER_NEXT.matcher(lines.get(i)).matches()) {
        found++;
      }
    }
    return found >= 2;
  }

  /** Without leading and trailing empty lines, at most one empty line in a row. */
  private static String tidy(List<String> lines) {
    StringBuilder out = new StringBuilder();
    boolean pendingBlank = false;
    for (String line : lines) {
      if (line.isBlank()) {
        pendingBlank = out.length() > 0;
        continue;
      }
      if (out.length() > 0) {
        out.append(pendingBlank ? "\n\n" : "\n");
      }
      out.append(line);
      pendingBlank = false;
    }
    return out.toString();
  }
}
