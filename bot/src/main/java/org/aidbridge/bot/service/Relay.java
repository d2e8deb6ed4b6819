package org.aidbridge.bot.service;

import java.util.List;
import java.util.Optional;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.Store;

/**
 * Passes an answer to a match notice on to the other person, on that person's own channel, so the
 * two can talk without either learning the other's address.
 */
public final class Relay {
  private final Store store;
  private final Replies replies;

  public Relay(Store store, Replies replies) {
    this.store = store;
    this.replies = replies;
  }

  /**
   * Relays {@code message} if it answers a message about a match that its sender takes part in.
   *
   * @return the messages to send, or empty when the message is not such an answer
   */
  public Optional<List<OutboundMessage>> relay(InboundMessage message, String text) {
    Optional<String> topic =
        store
            .sentMessage(message.channel(), message.replyTo())
            .map(OutboxEntry::message)
            .map(OutboundMessage::topic)
            .filter(t -> t != null && t.startsWith("match:"));
    if (topic.isEmpty() || message.inGroup()) {
      return Optional.empty();
    }
    String[] ids = topic.get().split(":");
    Optional<Listing> need = store.listingById(Long.parseLong(ids[1]));
    Optional<Listing> offer = store.listingById(Long.parseLong(ids[2]));
    if (need.isEmpty() || offer.isEmpty()) {
      return Optional.empty();
    }
    Listing own = need.get().author().equals(message.sender()) ? need.get() : offer.get();
    Listing other = own == need.get() ? offer.get() : need.get();
    if (!own.author().equals(message.sender())) {
      return Optional.empty();
    }
    String language = replies.languageOf(message, own.language());
    if (!own.status().active() || !other.status().active()) {
      String closed = own.status().active() ? other.ref() : own.ref();
      return Optional.of(
          List.of(replies.answer(message, language, Texts.get(language, "relay.closed", closed))));
    }
    String theirs = other.language();
    OutboundMessage forward =
        replies
            .toAuthor(other, Texts.get(theirs, "relay.forward", other.ref(), text))
            .withSubject(Texts.get(theirs, "subject.relay", other.ref()))
            .about(topic.get());
    return Optional.of(List.of(forward));
  }
}
