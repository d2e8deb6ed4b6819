package org.aidbridge.bot.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.PendingConfirmation;
import org.aidbridge.bot.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proof by answering, as mailing-list managers confirm: a message that needs its sender's proof and
 * came by mail without it is kept, and the bot mails the address a short question. Only the
 * mailbox's owner sees it; an answer to it (which the email channel reports as {@code
 * MAILBOX_ANSWER}) runs the message as if it had been proven. The forger sees nothing.
 */
public final class Confirmations {
  /** How long a confirmation waits for its answer. */
  static final Duration LIFETIME = Duration.ofDays(3);

  /** The topic of a confirmation mail, {@code confirm:<id>}: its answer is tied back by it. */
  static final String TOPIC = "confirm:";

  private static final Logger LOG = LoggerFactory.getLogger(Confirmations.class);
  private static final int QUOTED_CHARS = 200;

  private final Store store;
  private final Replies replies;
  private final Clock clock;

  public Confirmations(Store store, Replies replies, Clock clock) {
    this.store = store;
    this.replies = replies;
    this.clock = clock;
  }

  /** Keeps the message and asks its address to confirm it by answering. */
  List<OutboundMessage> ask(InboundMessage message, String text, String language) {
    long id = store.savePendingConfirmation(message, clock.instant().plus(LIFETIME));
    // Only the channel: who, and what they tried, stay out of the log.
    LOG.info(
        "a {} message that needs proof of its sender came without it; asked to confirm",
        message.channel().id());
    String question = Texts.get(language, "confirm.ask", quoted(text));
    return List.of(replies.toPerson(message, language, question).about(TOPIC + id));
  }

  /**
   * Takes the message as the answer to a confirmation mail. A "no" cancels; any other answer runs
   * the kept message, with the answer's proof, through {@code respond}.
   *
   * @return the replies, or empty when the message answers no confirmation mail
   */
  Optional<List<OutboundMessage>> answer(
      InboundMessage message, Function<InboundMessage, List<OutboundMessage>> respond) {
    Optional<Long> id = confirmationAnswered(message);
    if (id.isEmpty() || !message.senderProof().provesIdentity()) {
      return Optional.empty();
    }
    String language = replies.languageOf(message, null);
    // Checked before it is used up: another sender quoting it must not cancel it.
    Optional<PendingConfirmation> pending =
        store
            .pendingConfirmation(id.get())
            .filter(p -> p.message().sender().equals(message.sender()))
            .filter(p -> p.expiresAt().isAfter(clock.instant()));
    if (pending.isEmpty()) {
      return Optional.of(replies.say(message, language, "confirm.gone"));
    }
    store.takePendingConfirmation(id.get());
    boolean no = YesNo.read(message.text()).filter(s -> !s.yes()).isPresent();
    if (no) {
      return Optional.of(replies.say(message, language, "confirm.cancelled"));
    }
    return Optional.of(respond.apply(pending.get().message().withProof(message.senderProof())));
  }

  private Optional<Long> confirmationAnswered(InboundMessage message) {
    if (message.replyTo() == null || message.inGroup()) {
      return Optional.empty();
    }
    return store
        .sentMessage(message.channel(), message.replyTo())
        .map(OutboxEntry::message)
        .map(OutboundMessage::topic)
        .filter(t -> t != null && t.startsWith(TOPIC))
        .map(t -> Long.parseLong(t.substring(TOPIC.length())));
  }

  private static String quoted(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= QUOTED_CHARS
        ? oneLine
        : oneLine.substring(0, QUOTED_CHARS) + "\u2026";
  }
}
