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
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.store.Store;

/**
 * {@code link} gives a one-time code; sending {@code link CODE} from another channel makes the two
 * identities one person, whose needs and offers then follow them. {@code unlink} undoes it.
 */
public final class Links {
  static final Duration CODE_LIFETIME = Duration.ofMinutes(15);
  private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  private static final String KEY = "link-code:";

  private final Store store;
  private final Replies replies;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public Links(Store store, Replies replies, Clock clock) {
    this.store = store;
    this.replies = replies;
    this.clock = clock;
  }

  /** Whether {@code someone} is {@code person} or one of the identities linked with them. */
  public boolean samePerson(Address person, Address someone) {
    return person.equals(someone) || store.linkedWith(person).contains(someone);
  }

  public List<OutboundMessage> link(InboundMessage message, String args, String language) {
    if (message.inGroup()) {
      // A code said in a group could be used by anyone in it.
      return replies.say(message, language, "private.only");
    }
    return args.isBlank() ? newCode(message, language) : useCode(message, args.strip(), language);
  }

  public List<OutboundMessage> unlink(InboundMessage message, String language) {
    boolean was = store.unlink(message.sender());
    return replies.say(message, language, was ? "unlink.done" : "unlink.none");
  }

  private List<OutboundMessage> newCode(InboundMessage message, String language) {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    long expires = clock.instant().plus(CODE_LIFETIME).toEpochMilli();
    store.putState(KEY + code, message.sender().qualified() + "|" + expires);
    return replies.say(message, language, "link.code", code.toString());
  }

  private List<OutboundMessage> useCode(InboundMessage message, String typed, String language) {
    String key = KEY + typed.toUpperCase(Locale.ROOT);
    Optional<String[]> saved = store.state(key).filter(v -> !v.isBlank()).map(v -> v.split("\\|"));
    if (saved.isEmpty() || Long.parseLong(saved.get()[1]) < clock.instant().toEpochMilli()) {
      return replies.say(message, language, "link.bad");
    }
    store.putState(key, ""); // one time only
    Address first = Address.parsePerson(saved.get()[0]);
    if (first.equals(message.sender())) {
      return replies.say(message, language, "link.same");
    }
    store.link(first, message.sender());
    List<OutboundMessage> out = new ArrayList<>(replies.say(message, language, "link.done"));
    out.add(OutboundMessage.to(first, Texts.get(language, "link.done"), language));
    return out;
  }
}
