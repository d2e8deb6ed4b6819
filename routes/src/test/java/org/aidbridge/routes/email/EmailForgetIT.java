package org.aidbridge.routes.email;

import static org.aidbridge.routes.email.EmailHarness.BOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Forgetting by email also empties the bot's IMAP folder of the person's mails, and only theirs.
 */
class EmailForgetIT {
  private static final String ANA = "ana@example.org";

  /** Her address holds Ana's: a search by substring would take hers too. */
  private static final String HANA = "hana@example.org";

  @RegisterExtension static final EmailWorld EMAIL = new EmailWorld();

  private Mailboxes mailboxes;
  private EmailHarness bot;

  @BeforeEach
  void setUp() {
    mailboxes = EMAIL.mailboxes();
    bot = EMAIL.bot();
  }

  @Test
  void forgetErasesThePersonsMailsFromTheBotsFolderButNotAnothersWithALookalikeAddress()
      throws Exception {
    bot.start();
    mailboxes.send(mailboxes.compose(ANA, "NEED: insulin in Portland", ""));
    mailboxes.send(mailboxes.compose(HANA, "NEED: blankets in Portland", ""));
    await().until(() -> !mailboxes.inboxOf(ANA).isEmpty() && !mailboxes.inboxOf(HANA).isEmpty());
    assertThat(sendersInBotFolder()).contains(ANA, HANA);

    // Answering the bot's mails, as only the owner of the mailbox can.
    answer(mailboxes.inboxOf(ANA).get(0), "forget");
    await().until(() -> mailboxes.inboxOf(ANA).size() == 2);
    answer(mailboxes.inboxOf(ANA).get(1), "yes");

    await().until(() -> bot.store().activeListingsOf(Address.person(Channel.EMAIL, ANA)).isEmpty());
    await().until(() -> !sendersInBotFolder().contains(ANA));
    assertThat(sendersInBotFolder()).containsExactly(HANA);
    assertThat(bot.store().activeListingsOf(Address.person(Channel.EMAIL, HANA))).hasSize(1);
  }

  private void answer(MimeMessage botMail, String text) throws MessagingException {
    MimeMessage answer = mailboxes.compose(ANA, "Re: " + botMail.getSubject(), text);
    answer.setHeader("In-Reply-To", botMail.getMessageID());
    mailboxes.send(answer);
  }

  private List<String> sendersInBotFolder() {
    return mailboxes.inboxOf(BOT).stream().map(EmailForgetIT::sender).toList();
  }

  private static String sender(MimeMessage mail) {
    try {
      return ((InternetAddress) mail.getFrom()[0]).getAddress();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
