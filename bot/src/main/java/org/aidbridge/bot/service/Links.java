package org.aidbridge.bot.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.store.LinkCode;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.Store;

/**
 * Makes two identities one person, whose needs and offers then follow them; {@code unlink} undoes
 * it. A link proves both sides: a one-time code travels to one identity and comes back from the
 * other, and every message in the exchange must prove its sender ({@link ProofPolicy}).
 *
 * <ul>
 *   <li>{@code link email:ana@example.org} (or {@code telegram:ID}, {@code signal:UUID}) sends a
 *       code to that identity; the person types {@code link CODE} where they asked, or answers the
 *       code mail.
 *   <li>{@code link} alone shows a code; the person types {@code link CODE} on the other identity.
 * </ul>
 */
public final class Links {
  static final Duration CODE_LIFETIME = Duration.ofMinutes(15);

  /** The topic of a code mail, {@code link:<code>}: an answer to it finishes the link. */
  static final String TOPIC = "link:";

  private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

  private final Store store;
  private final Replies replies;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final LinkCodeGuesses guesses = new LinkCodeGuesses(CODE_LIFETIME);

  public Links(Store store, Replies replies, Clock clock) {
    this.store = store;
    this.replies = replies;
    this.clock = clock;
  }

  /**
   * Whether {@code someone} is {@code person} or one of the identities linked with them, both sides
   * proven: a link kept from before codes travelled to the identity being linked may have been made
   * with a forged {@code From:}, so it lets no one act for the other.
   */
  public boolean samePerson(Address person, Address someone) {
    return person.equals(someone) || store.provenLinkedWith(person).contains(someone);
  }

  public List<OutboundMessage> link(InboundMessage message, String args, String language) {
    if (message.inGroup()) {
      // A code said in a group could be used by anyone in it.
      return replies.say(message, language, "private.only");
    }
    String typed = args.strip();
    if (typed.isEmpty()) {
      return showCode(message, language);
    }
    if (typed.matches("(?i)[2-9A-Z]{6}")) {
      return useCode(message, typed.toUpperCase(Locale.ROOT), language);
    }
    return identity(typed)
        .map(target -> sendCode(message, target, language))
        .orElseGet(() -> replies.say(message, language, "link.usage"));
  }

  public List<OutboundMessage> unlink(InboundMessage message, String language) {
    boolean was = store.unlink(message.sender());
    return replies.say(message, language, was ? "unlink.done" : "unlink.none");
  }

  /**
   * Takes a proven answer to a code mail as typing the code: the mailbox that got the code answers
   * from the address it was sent to.
   *
   * @return the replies, or empty when the message answers no code mail
   */
  Optional<List<OutboundMessage>> answer(InboundMessage message) {
    if (message.replyTo() == null || message.inGroup()) {
      return Optional.empty();
    }
    Optional<String> code =
        store
            .sentMessage(message.channel(), message.replyTo())
            .map(OutboxEntry::message)
            .map(OutboundMessage::topic)
            .filter(t -> t != null && t.startsWith(TOPIC))
            .map(t -> t.substring(TOPIC.length()));
    if (code.isEmpty()) {
      return Optional.empty();
    }
    String language = replies.languageOf(message, null);
    if (!guesses.mayTry(message.sender(), clock.instant())) {
      return Optional.of(replies.say(message, language, "link.tries"));
    }
    // Only the identity the code was sent to may answer it; anyone else's answer (a quote of
    // another's code message, its timestamp guessed on Signal) leaves the code as it was.
    Optional<LinkCode> saved = live(code.get()).filter(c -> message.sender().equals(c.target()));
    return Optional.of(
        saved.isEmpty()
            ? wrongCode(message, language)
            : linked(message, use(saved.get()).requester(), message.sender(), language));
  }

  private List<OutboundMessage> showCode(InboundMessage message, String language) {
    String code = newCode(message.sender(), null);
    return replies.say(message, language, "link.code", code);
  }

  private List<OutboundMessage> sendCode(InboundMessage message, Address target, String language) {
    if (samePerson(message.sender(), target)) {
      return replies.say(message, language, "link.same");
    }
    if (store.subscriptionOf(Address.group(target.channel(), target.id())).isPresent()) {
      // Every member of a list reads the code mailed to it: whoever typed it back would become
      // "the list", and forgetting themselves would end the list's subscription.
      return replies.say(message, language, "link.group");
    }
    String code = newCode(message.sender(), target);
    boolean mail = target.channel() == Channel.EMAIL;
    OutboundMessage toTarget =
        OutboundMessage.to(
                target,
                Texts.get(language, mail ? "link.code.target.mail" : "link.code.target", code),
                language)
            .about(TOPIC + code);
    List<OutboundMessage> out = new ArrayList<>(replies.say(message, language, "link.sent"));
    out.add(toTarget);
    return out;
  }

  private String newCode(Address requester, Address target) {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    store.saveLinkCode(
        new LinkCode(code.toString(), requester, target, clock.instant().plus(CODE_LIFETIME)));
    return code.toString();
  }

  /**
   * A code shown to its requester is typed on the other identity; a code sent to another identity
   * is typed back by its requester. Either way each side proved itself.
   */
  private List<OutboundMessage> useCode(InboundMessage message, String typed, String language) {
    if (!guesses.mayTry(message.sender(), clock.instant())) {
      // Not even looked up: trying codes must neither find one nor use it up.
      return replies.say(message, language, "link.tries");
    }
    Optional<LinkCode> saved = live(typed);
    if (saved.isEmpty()) {
      return wrongCode(message, language);
    }
    LinkCode code = saved.get();
    if (code.target() == null) {
      return code.requester().equals(message.sender())
          ? replies.say(message, language, "link.same") // still to be typed on the other identity
          : linked(message, use(code).requester(), message.sender(), language);
    }
    // A code sent to another identity comes back from its requester only: anyone else typing it
    // is a wrong code, and the code stays for its requester.
    return code.requester().equals(message.sender())
        ? linked(message, message.sender(), use(code).target(), language)
        : wrongCode(message, language);
  }

  private List<OutboundMessage> wrongCode(InboundMessage message, String language) {
    guesses.wrong(message.sender(), clock.instant());
    return replies.say(message, language, "link.bad");
  }

  /** The code if it exists and its time is not over, left in place. */
  private Optional<LinkCode> live(String code) {
    return store.linkCode(code).filter(c -> c.expiresAt().isAfter(clock.instant()));
  }

  /** Uses the code up: it works once. */
  private LinkCode use(LinkCode code) {
    store.takeLinkCode(code.code());
    return code;
  }

  private List<OutboundMessage> linked(
      InboundMessage message, Address first, Address second, String language) {
    store.link(first, second);
    Address other = message.sender().equals(first) ? second : first;
    List<OutboundMessage> out = new ArrayList<>(replies.say(message, language, "link.done"));
    out.add(OutboundMessage.to(other, Texts.get(language, "link.done"), language));
    return out;
  }

  /**
   * {@code email:ana@example.org}, {@code ana@example.org}, {@code telegram:123}, {@code signal:…}.
   */
  static Optional<Address> identity(String typed) {
    String word = typed.split("\\s+")[0];
    if (word.matches("[^@:\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      word = "email:" + word;
    }
    try {
      Address address = Address.parsePerson(word);
      String id = address.id();
      boolean valid =
          switch (address.channel()) {
            case EMAIL -> id.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
            case TELEGRAM -> id.matches("[1-9][0-9]{0,19}");
            case SIGNAL -> id.matches("(?i)[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
          };
      return valid
          ? Optional.of(Address.person(address.channel(), id.toLowerCase(Locale.ROOT)))
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
