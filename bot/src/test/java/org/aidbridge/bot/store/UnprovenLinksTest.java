package org.aidbridge.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Proof;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A link kept from before links were proven on both sides may have been made with a forged {@code
 * From:} (issue 9's attack). Through the whole bot, after the upgrade: its maker can neither see,
 * close nor erase the other identity's listings; linking again, proven, is how a real person gets
 * them back.
 */
class UnprovenLinksTest {
  private static final Address EVE = Address.person(Channel.TELEGRAM, "666");
  private static final Address ANA = Address.person(Channel.EMAIL, "ana@example.org");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
  private final AtomicInteger ids = new AtomicInteger();

  @Test
  void aLinkMadeBeforeLinksWereProvenLetsItsMakerActForNoOne(@TempDir Path dir) {
    String file = dir.resolve("before.db").toString();
    SqliteDatabase old = new SqliteDatabase(SqliteConnector.connect(file), null);
    LegacyMigrations.build(old, 5);
    old.execute(
        "INSERT INTO identity_links (address_channel, address_id, person_id)"
            + " VALUES ('telegram', '666', 1), ('email', 'ana@example.org', 1)");
    old.close();

    try (SqliteStore store = SqliteStore.open(file)) {
      BotService bot = Bots.create(store, BotSettings.DEFAULT, clock);
      bot.handle(say(ANA, "need: insulin in Portland", Proof.MAIL_SERVER));
      Listing need = store.activeListingsOf(ANA).get(0);

      assertThat(text(bot.handle(say(EVE, "list", Proof.PLATFORM)))).doesNotContain(need.ref());
      bot.handle(say(EVE, "withdraw " + need.ref(), Proof.PLATFORM));
      assertThat(store.listingById(need.id()).orElseThrow().status()).isEqualTo(Status.OPEN);
      bot.handle(say(EVE, "forget confirm", Proof.PLATFORM));

      assertThat(store.activeListingsOf(ANA)).extracting(Listing::id).containsExactly(need.id());
    }
  }

  private InboundMessage say(Address from, String text, Proof proof) {
    return InboundMessage.direct(from, "u" + ids.incrementAndGet(), text, clock.instant())
        .withProof(proof);
  }

  private static String text(List<OutboundMessage> out) {
    return String.join("\n", out.stream().map(OutboundMessage::text).toList());
  }
}
