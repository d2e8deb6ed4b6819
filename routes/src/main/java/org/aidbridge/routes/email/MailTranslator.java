package org.aidbridge.routes.email;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.InboundText;
import org.aidbridge.bot.model.Proof;

/**
 * Translates a received mail into the core's {@link InboundMessage}: who wrote it, which mail of
 * the bot it answers, and the new text, without quotes or signature.
 *
 * <p>The subject always travels in {@link InboundMessage#subject()}. In a new mail (not an answer)
 * a subject that is a need or offer written out ({@code NEED: insulin}) is also put in front of the
 * text, and any subject becomes the text when the body has no new text.
 */
final class MailTranslator {
  /** More than anyone writes by hand: the rest of a huge mail (a pasted log, a digest) is cut. */
  static final int MAX_TEXT_CHARS = InboundText.MAX_TEXT_CHARS;

  /** Every header the translation reads by name, so one IMAP FETCH can bring them all. */
  static final Set<String> HEADERS_READ =
      Set.of(
          "Message-ID",
          "From",
          "To",
          "Date",
          "Subject",
          "In-Reply-To",
          "References",
          "Content-Language");

  private final Clock clock;
  private final SenderProof proof;
  private final MailTokens tokens;

  MailTranslator(Clock clock) {
    this(clock, SenderProof.NONE, MailTokens.NONE);
  }

  MailTranslator(Clock clock, SenderProof proof, MailTokens tokens) {
    this.clock = clock;
    this.proof = proof;
    this.tokens = tokens;
  }

  /**
   * @throws UnreadableMailException when the mail has no usable sender or cannot be decoded
   */
  InboundMessage translate(Message mail) {
    try {
      org.aidbridge.bot.model.Address sender =
          org.aidbridge.bot.model.Address.person(Channel.EMAIL, senderOf(mail));
      // Capped at once: a 1 MB subject is neither kept nor echoed back as "Re: ...".
      String subject = InboundText.oneLine(mail.getSubject(), InboundText.MAX_SUBJECT_CHARS);
      MailBody.Text whole = MailBody.read(mail).orElse(new MailBody.Text("", false));
      String kept = capped(whole.text());
      String body = QuoteStripper.newText(kept);
      // Told only when the new text itself lost its end: a long quoted thread cut off loses
      // nothing.
      boolean cut =
          (whole.cut() || kept.length() < whole.text().length())
              && QuoteStripper.newTextRunsToTheEnd(kept);
      String answered = answered(mail);
      String read = textToRead(subject, body, answered != null);
      SenderProof.Verdict verdict = proof.check(mail, sender.id(), read, subject);
      String text = verdict.text();
      String cleanSubject = verdict.subject();
      InboundMessage message =
          new InboundMessage(
              Channel.EMAIL,
              idOf(mail, read, sender.id()),
              sender,
              null,
              text,
              cleanSubject == null || cleanSubject.isBlank() ? null : cleanSubject.strip(),
              languageOf(mail),
              answered,
              true,
              false,
              clock.instant(),
              answersOurMail(mail, sender.id()) ? Proof.MAILBOX_ANSWER : verdict.proof(),
              cut,
              false);
      // Attachments are never read (size, safety): the person is told so.
      return MailAttachments.any(mail) ? message.withAttachmentSkipped() : message;
    } catch (MessagingException | IOException | RuntimeException e) {
      throw new UnreadableMailException(e);
    }
  }

  /**
   * The subject counts only in a new mail: in an answer it merely repeats what was said before
   * ("Re: NEED: insulin"), and reading it again would post the same need twice.
   */
  static String textToRead(String subject, String body, boolean answersAMail) {
    if (answersAMail || SubjectLine.isReply(subject)) {
      return body;
    }
    String topic = SubjectLine.withoutPrefixes(subject);
    if (SubjectLine.isListingForm(subject)) {
      return body.isEmpty() ? topic : topic + "\n\n" + body;
    }
    return body.isEmpty() ? topic : body;
  }

  private static String capped(String text) {
    return text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS);
  }

  /** The sender id the bot knows a mail by: its first From address, in lower case. */
  static String senderOf(Message mail) throws MessagingException {
    Address[] from = mail.getFrom();
    if (from != null) {
      for (Address address : from) {
        if (address instanceof InternetAddress internet
            && internet.getAddress() != null
            && internet.getAddress().contains("@")) {
          return internet.getAddress().strip().toLowerCase(Locale.ROOT);
        }
      }
    }
    throw new MessagingException("no sender address in From");
  }

  /**
   * The Message-ID together with who sent it ({@code <id> from:<hash of the sender>}), else a hash
   * of what identifies this mail. Anyone can write any Message-ID: a second person's mail that
   * repeats one is another mail, not a duplicate. The id in angle brackets comes first, so an
   * answer's In-Reply-To still names the mail ({@link MessageIds#bare}).
   */
  static String idOf(Message mail, String text, String sender) throws MessagingException {
    String id = MessageIds.bare(header(mail, "Message-ID"));
    if (id != null) {
      return MessageIds.header(id) + " from:" + MessageIds.hashOf(sender).substring(7, 23);
    }
    return MessageIds.hashOf(
        header(mail, "From"),
        header(mail, "To"),
        header(mail, "Date"),
        header(mail, "Subject"),
        header(mail, "In-Reply-To"),
        text);
  }

  /**
   * Whether the mail answers a mail the bot sent to this very address: one of its In-Reply-To or
   * References ids carries that address's token.
   */
  private boolean answersOurMail(Message mail, String from) throws MessagingException {
    List<String> ids = new ArrayList<>(MessageIds.references(header(mail, "References")));
    String inReplyTo = MessageIds.bare(header(mail, "In-Reply-To"));
    if (inReplyTo != null) {
      ids.add(inReplyTo);
    }
    return tokens.anySentTo(ids, from);
  }

  /** The bot's mail this one answers: In-Reply-To, else the last of References. */
  private static String answered(Message mail) throws MessagingException {
    String inReplyTo = MessageIds.bare(header(mail, "In-Reply-To"));
    return inReplyTo != null ? inReplyTo : MessageIds.lastReference(header(mail, "References"));
  }

  private static String languageOf(Message mail) throws MessagingException {
    String language = header(mail, "Content-Language");
    if (language == null || language.isBlank()) {
      return null;
    }
    String first = language.split("[,;]")[0].strip();
    int dash = first.indexOf('-');
    return (dash > 0 ? first.substring(0, dash) : first).toLowerCase(Locale.ROOT);
  }

  private static String header(Message mail, String name) throws MessagingException {
    String[] values = mail.getHeader(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  /** A mail the bot cannot read; it is logged and left aside, never retried forever. */
  static final class UnreadableMailException extends RuntimeException {
    UnreadableMailException(Exception cause) {
      // Only the kind of failure: the cause's message may quote an address.
      super(cause.getClass().getSimpleName(), cause);
    }
  }
}
