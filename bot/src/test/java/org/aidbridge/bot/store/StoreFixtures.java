package org.aidbridge.bot.store;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Item;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Match;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Urgency;

/** Values for store tests. Times are fixed: tests never read the clock. */
public final class StoreFixtures {
  public static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  public static final Address ALICE = Address.person(Channel.EMAIL, "alice@example.org");
  public static final Address BOB = Address.person(Channel.TELEGRAM, "1001");
  public static final Address CARA = Address.person(Channel.SIGNAL, "3f1c-uuid-cara");
  public static final Address GROUP = Address.group(Channel.TELEGRAM, "-100200");
  public static final Place PORTLAND = new Place("Portland", "Portland", "US", 45.5152, -122.6784);

  private StoreFixtures() {}

  public static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  public static InboundMessage direct(Address from, String messageId, String text) {
    return InboundMessage.direct(from, messageId, text, T0);
  }

  /** An open listing by {@code author} in {@code categories}, expiring a week after T0. */
  public static Listing draft(Kind kind, Address author, Category... categories) {
    return new Listing(
        0,
        null,
        kind,
        Set.of(categories),
        List.of(new Item("rice", new BigDecimal("2.5"), "bag"), Item.named("insulin")),
        (kind == Kind.NEED ? "need " : "can give ") + "rice and insulin in Portland",
        PORTLAND,
        Urgency.HIGH,
        T0,
        T0.plus(Duration.ofDays(7)),
        Status.OPEN,
        author,
        "en",
        null);
  }

  public static Listing draft(Kind kind, Address author, Instant createdAt, Category... cats) {
    Listing base = draft(kind, author, cats);
    return new Listing(
        0,
        null,
        kind,
        base.categories(),
        base.items(),
        base.text(),
        base.place(),
        base.urgency(),
        createdAt,
        base.expiresAt(),
        Status.OPEN,
        author,
        "en",
        null);
  }

  public static Match match(Listing need, Listing offer, double score) {
    return new Match(0, need, offer, score, List.of("category:food", "distance-km:0"), T0);
  }

  public static OutboundMessage message(Address to, String text) {
    return OutboundMessage.to(to, text, "en");
  }
}
