package org.aidbridge.routes.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.outbox.ChannelState;
import org.aidbridge.bot.outbox.OutboxDispatcher;
import org.aidbridge.bot.outbox.SendOutcome;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.OutboxStatus;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.aidbridge.routes.config.Settings;
import org.junit.jupiter.api.Test;

/** What the sender makes of an SMTP server's answers, spoken with the real mail client. */
class EmailSenderIT {
  private static final Address GONE = Address.person(Channel.EMAIL, "gone@example.org");
  private static final Store STORE = SqliteStore.open(":memory:");
  private static final Address LIST = Address.group(Channel.EMAIL, "east-bay@lists.example.org");

  @Test
  void recipientRejectedForGoodIsUnreachable() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer("550 5.1.1 No such user")) {
      SendOutcome outcome = senderOn(server.port()).send(entry(GONE));

      assertThat(outcome)
          .isInstanceOfSatisfying(
              SendOutcome.Unreachable.class,
              u -> assertThat(u.reason()).contains("550").doesNotContain("@"));
    }
  }

  @Test
  void recipientDeferredIsAFailureOfThatRecipientOnly() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer("452 4.2.2 Mailbox full")) {
      SendOutcome outcome = senderOn(server.port()).send(entry(GONE));

      assertThat(outcome)
          .isInstanceOfSatisfying(
              SendOutcome.Failed.class, r -> assertThat(r.wholeChannel()).isFalse());
    }
  }

  @Test
  void relayingDeniedPausesTheChannelAndKeepsTheListsSubscriptionAndTheMail() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer("550 5.7.1 Relaying denied");
        SqliteStore store = SqliteStore.open(":memory:")) {
      store.saveSubscription(
          new Subscription(
              LIST, new Place("Oakland", "Oakland", "US", 37.8, -122.27), 30, Set.of(), "en"));
      long id = store.enqueue(OutboundMessage.to(LIST, "digest", "en"), Instant.now()).id();
      OutboxDispatcher dispatcher = new OutboxDispatcher(store, Clock.systemUTC());

      dispatcher.drain(senderOn(server.port()), 10);

      assertThat(store.subscriptionOf(LIST)).as("the list stays subscribed").isPresent();
      assertThat(store.isUnreachable(LIST)).isFalse();
      assertThat(store.outboxEntry(id).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
      ChannelState state = dispatcher.stateOf(Channel.EMAIL).orElseThrow();
      assertThat(state.condition()).isEqualTo(ChannelState.Condition.MISCONFIGURED);
      assertThat(state.reason()).contains("5.7.1").doesNotContain("@");
    }
  }

  @Test
  void aSenderTheServerRefusesIsOurConfigurationNotTheRecipients() throws Exception {
    try (ScriptedSmtpServer server =
        new ScriptedSmtpServer(
            Map.of("MAIL", "553 5.7.1 Sender address rejected: not owned by user"))) {
      SendOutcome outcome = senderOn(server.port()).send(entry(GONE));

      assertThat(outcome).isInstanceOf(SendOutcome.Misconfigured.class);
    }
  }

  @Test
  void oneSmtpConnectionServesAWholeDrain() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer(Map.of());
        SqliteStore store = SqliteStore.open(":memory:")) {
      for (int i = 0; i < 5; i++) {
        Address person = Address.person(Channel.EMAIL, "p" + i + "@example.org");
        store.enqueue(OutboundMessage.to(person, "hello " + i, "en"), Instant.now());
      }
      OutboxDispatcher dispatcher = new OutboxDispatcher(store, Clock.systemUTC());

      assertThat(dispatcher.drain(senderOn(server.port()), 10)).isEqualTo(5);

      assertThat(server.accepted()).isEqualTo(5);
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void serverThatCannotBeReachedFailsTheWholeChannel() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }

    SendOutcome outcome = senderOn(closedPort).send(entry(GONE));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SendOutcome.Failed.class, r -> assertThat(r.wholeChannel()).isTrue());
  }

  private static EmailSender senderOn(int port) {
    EmailSettings settings =
        EmailSettings.from(
            Settings.of(
                Map.of(
                    "imap.url", "imap://127.0.0.1:1",
                    "smtp.url", "smtp://127.0.0.1:" + port,
                    "email.address", "aid@localhost",
                    "email.password", "secret")));
    return new EmailSender(settings, Clock.systemUTC(), MailTokens.of(STORE));
  }

  private static OutboxEntry entry(Address to) {
    Instant now = Instant.now();
    return new OutboxEntry(
        7, OutboundMessage.to(to, "hello", "en"), OutboxStatus.PENDING, now, now, 0, null);
  }
}
