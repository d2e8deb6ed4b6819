package org.aidbridge.bot.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.match.MatchIndex;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Proof;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.parse.LexiconParser;
import org.aidbridge.bot.place.Gazetteer;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two instances on one database file: the core's work happens where the core is led. */
class CoreGateTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Gazetteer PLACES = Gazetteer.loadDefault();
  private static final Address ANA = Address.person(Channel.TELEGRAM, "777001");
  private static final Address BEN = Address.person(Channel.TELEGRAM, "777002");

  @TempDir Path dir;

  @Test
  void aMessageTakenInWhereTheCoreIsNotLedIsStoredAndHandledByTheCoresLeader() {
    try (Store a = SqliteStore.open(dir.resolve("one.db").toString());
        Store b = SqliteStore.open(dir.resolve("one.db").toString())) {
      BotService leader = new CoreGate(bot(a), a, () -> true);
      BotService standby = new CoreGate(bot(b), b, () -> false);

      assertThat(standby.handle(message(ANA, "t1", "I need insulin in Portland"))).isEmpty();
      assertThat(standby.resumePending()).isZero();
      assertThat(b.activeListingsOf(ANA)).isEmpty();
      assertThat(b.unprocessedInbound(10)).hasSize(1);

      assertThat(leader.resumePending()).isEqualTo(1);

      assertThat(a.activeListingsOf(ANA)).hasSize(1);
      assertThat(a.unprocessedInbound(10)).isEmpty();
      assertThat(a.dueOutbox(Channel.TELEGRAM, NOW, 10)).hasSize(1);
    }
  }

  @Test
  void anInstanceThatGainsTheCoreMatchesWithListingsAnotherMadeOnceItsIndexIsReadAgain() {
    try (Store a = SqliteStore.open(dir.resolve("one.db").toString());
        Store b = SqliteStore.open(dir.resolve("one.db").toString())) {
      AtomicBoolean bLeads = new AtomicBoolean(false);
      BotService standby = new CoreGate(bot(b), b, bLeads::get); // its index: read now, empty
      BotService leader = new CoreGate(bot(a), a, () -> true);
      leader.handle(message(ANA, "t1", "I need insulin in Portland"));

      // a dies; b gains the core and reads its index again before it handles anything.
      MatchIndex.refresh(b);
      bLeads.set(true);
      standby.handle(message(BEN, "t2", "I can give insulin in Portland"));

      assertThat(b.activeListingsOf(ANA))
          .singleElement()
          .extracting(l -> l.status())
          .isEqualTo(Status.MATCHED);
    }
  }

  private static BotService bot(Store store) {
    return Bots.create(store, BotSettings.DEFAULT, CLOCK, new LexiconParser(PLACES), PLACES);
  }

  private static InboundMessage message(Address from, String id, String text) {
    return InboundMessage.direct(from, id, text, NOW).withProof(Proof.PLATFORM);
  }
}
