package org.aidbridge.routes.email;

import java.util.regex.Pattern;
import org.aidbridge.bot.model.InboundText;

/** What a subject line says: whether it answers something, and whether it is a need or offer. */
final class SubjectLine {
  /** "Re:", "RE:", "Fwd:", "AW:", "RV:" (Spanish), "پاسخ:" and stacked forms like "Re: Re[2]:". */
  private static final Pattern REPLY_PREFIX =
      Pattern.compile(
          "^\\s*((re|aw|sv|rv|res|fw|fwd|tr|wg|پاسخ|جواب|ارسال مجدد)(\\[\\d+\\])?\\s*:\\s*)+",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern ANSWER_PREFIX =
      Pattern.compile(
          "^\\s*(re|aw|sv|res|rv|پاسخ|جواب)(\\[\\d+\\])?\\s*:", Pattern.CASE_INSENSITIVE);

  private static final String LISTING_WORDS =
      "(need|needed|offer|offering|necesito|necesidad|ofrezco|oferta"
          + "|نیاز|نیازمندم|پیشنهاد|می\u200cتوانم بدهم|میتوانم بدهم)";

  /** The explicit forms: "NEED: insulin", "/offer rice", "Necesito: arroz", "نیاز: انسولین". */
  private static final Pattern LISTING_FORM =
      Pattern.compile(
          "^\\s*(/" + LISTING_WORDS + "\\s+\\S.*|" + LISTING_WORDS + "\\s*[:：]\\s*\\S.*)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);

  private SubjectLine() {}

  /** The subject without "Re:"/"Fwd:" prefixes, trimmed; empty for none. */
  static String withoutPrefixes(String subject) {
    if (subject == null) {
      return "";
    }
    return REPLY_PREFIX.matcher(subject).replaceFirst("").strip();
  }

  /** Whether the subject says the mail answers another one ("Re: ..."). */
  static boolean isReply(String subject) {
    return subject != null && ANSWER_PREFIX.matcher(subject).find();
  }

  /**
   * Whether the subject (prefixes removed) is a need or offer written out, e.g. "NEED: insulin".
   */
  static boolean isListingForm(String subject) {
    return LISTING_FORM.matcher(withoutPrefixes(subject)).matches();
  }

  /** "Re: " added once, for the subject of an answer; never longer than a subject kept. */
  static String reply(String subject) {
    String capped = InboundText.oneLine(subject, InboundText.MAX_SUBJECT_CHARS).strip();
    return isReply(capped) ? capped : "Re: " + capped;
  }
}
