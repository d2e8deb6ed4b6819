package org.aidbridge.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.StoredInbound;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Old messages are deleted after the retention; what is still to be done never is. */
class RetentionTest {
  private static final Address ANA = Address.person(Channel.EMAIL, "ana@example.org");
  private static final Address BEN = Address.person(Channel.TELEGRAM, "777001");
  private static final Duration RETENTION = BotSettings.DEFAULT.inboundRetention();

  private final LifeWorld world = new LifeWorld(BotSettings.DEFAULT);

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void oldProcessedInboundAndSentOutboxAreDeletedButWaitingOnesStay() {
    InboundMessage handled = world.message(ANA, "need: insulin in Portland", null);
    world.bot.handle(handled);
    List<OutboxEntry> sent = world.sendAll(Channel.EMAIL);
    InboundMessage waiting = world.message(BEN, "need: rice in Portland", null);
    world.store.recordInbound(waiting); // stored, not yet handled
    world.clock.advance(RETENTION.minusDays(1));
    InboundMessage recent = world.message(ANA, "help", null);
    world.bot.handle(recent);
    OutboxEntry pending = world.store.dueOutbox(Channel.EMAIL, world.clock.instant(), 10).get(0);

    world.clock.advance(Duration.ofDays(2));
    world.run();

    assertThat(sent)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(world.store.outboxEntry(e.id())).isEmpty());
    assertThat(world.store.outboxEntry(pending.id())).isPresent();
    assertThat(world.store.unprocessedInbound(10))
        .extracting(StoredInbound::message)
        .containsExactly(waiting);
    assertThat(world.store.recordInbound(recent)).as("recent is still known").isEmpty();
    assertThat(world.store.recordInbound(handled)).as("old one is gone").isPresent();
  }

  @Test
  void closedListingsPastTheRetentionKeepNeitherTextNorAuthor() {
    world.say(ANA, "need: insulin in Portland, call 555-0100");
    Listing need = world.only(ANA);
    world.say(ANA, "withdraw " + need.ref());
    world.say(BEN, "need: rice in Portland");
    Listing open = world.only(BEN);
    world.store.setExpiry(open.id(), world.clock.instant().plus(Duration.ofDays(90)));

    world.clock.advance(RETENTION.plus(BotSettings.DEFAULT.defaultExpiry()).plusDays(1));
    world.run();

    Listing erased = world.reread(need);
    assertThat(erased.status()).isEqualTo(Status.WITHDRAWN);
    assertThat(erased.text()).isEmpty();
    assertThat(erased.author().id()).isNotEqualTo(ANA.id());
    assertThat(erased.categories()).isEqualTo(need.categories());
    assertThat(world.reread(open).text()).isEqualTo(open.text());
  }
}
