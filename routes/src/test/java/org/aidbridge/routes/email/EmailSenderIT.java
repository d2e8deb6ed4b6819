package org.aidbridge.routes.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.outbox.SendOutcome;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.OutboxStatus;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.aidbridge.routes.config.Settings;
import org.junit.jupiter.api.Test;

/** What the sender makes of an SMTP server's refusals, spoken with the real mail client. */
class EmailSenderIT {
  private static final Address GONE = Address.person(Channel.EMAIL, "gone@example.org");
  private static final Store STORE = SqliteStore.open(":memory:");

  @Test
  void recipientRejectedForGoodIsUnreachable() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer("550 5.1.1 No such user")) {
      SendOutcome outcome = senderOn(server.port()).send(entry());

      assertThat(outcome)
          .isInstanceOfSatisfying(
              SendOutcome.Unreachable.class,
              u -> assertThat(u.reason()).contains("550").doesNotContain("@"));
    }
  }

  @Test
  void recipientDeferredIsRetriedForThatRecipientOnly() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer("452 4.2.2 Mailbox full")) {
      SendOutcome outcome = senderOn(server.port()).send(entry());

      assertThat(outcome)
          .isInstanceOfSatisfying(
              SendOutcome.RetryAt.class, r -> assertThat(r.wholeChannel()).isFalse());
    }
  }

  @Test
  void serverThatCannotBeReachedPausesTheWholeChannel() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }

    SendOutcome outcome = senderOn(closedPort).send(entry());

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SendOutcome.RetryAt.class,
            r -> {
              assertThat(r.wholeChannel()).isTrue();
              assertThat(r.notBefore()).isAfter(Instant.now());
            });
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

  private static OutboxEntry entry() {
    Instant now = Instant.now();
    return new OutboxEntry(
        7, OutboundMessage.to(GONE, "hello", "en"), OutboxStatus.PENDING, now, now, 0, null);
  }
}
