package org.aidbridge.bot.service;

import java.util.List;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.OutboundMessage;

/** Builds answers in the right language, to the right place, threaded where the channel can. */
public final class Replies {
  private final String defaultLanguage;

  public Replies(String defaultLanguage) {
    this.defaultLanguage = Texts.supported(defaultLanguage);
  }

  /** The language to answer a message in: what the channel says, else what it is written in. */
  public String languageOf(InboundMessage message, String detected) {
    String hinted = Texts.baseLanguage(message.languageHint());
    if (hinted != null && Texts.LANGUAGES.contains(hinted)) {
      return hinted;
    }
    if (detected != null && Texts.LANGUAGES.contains(detected)) {
      return detected;
    }
    return defaultLanguage;
  }

  public String defaultLanguage() {
    return defaultLanguage;
  }

  /** An answer to {@code message} where it came from (the group, or the person). */
  public OutboundMessage answer(InboundMessage message, String language, String text) {
    OutboundMessage out = OutboundMessage.to(message.replyAddress(), text, language);
    if (message.channel() == Channel.EMAIL) {
      // Email answers stay in the person's thread; other channels answer in the chat itself.
      out = out.inReplyTo(message.channelMessageId()).withSubject(replySubject(message, language));
    }
    return out;
  }

  /** {@code answer} with the text {@code key} in {@code language}: the usual one-line reply. */
  public List<OutboundMessage> say(
      InboundMessage message, String language, String key, Object... args) {
    return List.of(answer(message, language, Texts.get(language, key, args)));
  }

  /** An answer that goes to the person privately, even when they wrote in a group. */
  public OutboundMessage toPerson(InboundMessage message, String language, String text) {
    if (!message.inGroup()) {
      return answer(message, language, text);
    }
    return OutboundMessage.to(message.sender(), text, language);
  }

  /** A message to the author of a listing, on the author's own channel. */
  public OutboundMessage toAuthor(Listing listing, String text) {
    return OutboundMessage.to(listing.author(), text, Texts.supported(listing.language()));
  }

  public List<OutboundMessage> sorry(InboundMessage message) {
    if (message.inGroup()) {
      return List.of();
    }
    String language = languageOf(message, null);
    return List.of(answer(message, language, Texts.get(language, "error.sorry")));
  }

  private static String replySubject(InboundMessage message, String language) {
    String subject = message.subject();
    if (subject == null || subject.isBlank()) {
      return Texts.get(language, "subject.default");
    }
    return subject.regionMatches(true, 0, "re:", 0, 3)
        ? subject
        : Texts.get(language, "subject.reply", subject);
  }
}
