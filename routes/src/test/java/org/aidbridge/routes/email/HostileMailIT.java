package org.aidbridge.routes.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ordinary mails among hostile ones, on a real IMAP server: every ordinary mail is answered as if
 * the others were not there, no mail stays unread (none is retried in a loop), and what the bot
 * echoes stays small.
 */
class HostileMailIT {
  private static final int PEOPLE = 12;

  @RegisterExtension
  static final GreenMailExtension GREENMAIL =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(
              GreenMailConfiguration.aConfig()
                  .withUser(EmailHarness.BOT, EmailHarness.BOT, EmailHarness.BOT_PASSWORD));

  @TempDir Path dir;
  private EmailHarness bot;

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.close();
    }
  }

  @Test
  void ordinaryMailsAmongHostileOnesAreAllAnsweredAndNoneIsStuck() throws Exception {
    List<MimeMessage> mails = new ArrayList<>();
    mails.add(HostileMails.hugeAttachment("big@example.org"));
    mails.add(HostileMails.megabyteSubject("subject@example.org"));
    mails.add(HostileMails.htmlBomb("bomb@example.org"));
    mails.add(HostileMails.nestedMultiparts("nested@example.org"));
    mails.add(HostileMails.brokenBoundary("boundary@example.org"));
    mails.add(HostileMails.brokenCharset("charset@example.org"));
    mails.add(HostileMails.fromWithoutAddress());
    for (int i = 0; i < PEOPLE; i++) {
      // The last person's mail repeats the first one's Message-ID: it is still another mail.
      String id = "<" + (i == PEOPLE - 1 ? 0 : i) + ".question@example.org>";
      mails.add(Math.min(2 * i, mails.size()), HostileMails.withMessageId(person(i), id));
    }
    GreenMailUser inbox = GREENMAIL.getUserManager().getUserByEmail(EmailHarness.BOT);
    for (MimeMessage mail : mails) {
      inbox.deliver(mail);
    }
    Mailboxes mailboxes = new Mailboxes(GREENMAIL);

    bot = new EmailHarness(GREENMAIL, dir.resolve("aidbridge.db")).start();

    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> {
              for (int i = 0; i < PEOPLE; i++) {
                if (mailboxes.inboxOf(person(i)).isEmpty()) {
                  return false;
                }
              }
              return true;
            });
    await().atMost(Duration.ofSeconds(60)).until(() -> mailboxes.unseenInBotInbox() == 0);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(5))
        .until(() -> mailboxes.unseenInBotInbox() == 0);
    for (int i = 0; i < PEOPLE; i++) {
      assertThat(mailboxes.inboxOf(person(i))).as("answers to person %d", i).hasSize(1);
    }
    for (MimeMessage answer : mailboxes.inboxOf("subject@example.org")) {
      assertThat(answer.getSubject()).hasSizeLessThanOrEqualTo(210);
    }
  }

  private static String person(int i) {
    return "person" + i + "@example.org";
  }
}
