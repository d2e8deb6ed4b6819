package org.aidbridge.routes.email;

import static org.aidbridge.routes.email.EmailHarness.BOT;
import static org.aidbridge.routes.email.Mailboxes.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The yes/no question about a half-clear mail, in English, Spanish and Persian: GreenMail, the real
 * store and bot. The person answers by replying, as a mail program does, with the question quoted.
 */
class EmailConfidenceIT {
  private static final String[] PEOPLE = {"ana@example.org", "ben@example.net", "cara@example.com"};
  private static final String[] TEXTS = {
    "I need some help with something this week",
    "puede que necesite ayuda con algo esta semana",
    "یه کار کوچیک دارم کمک لازمه"
  };
  private static final String[] QUESTIONS = {
    "Is this something you need?", "¿Es algo que necesitas?", "این چیزی است که لازم دارید؟"
  };
  private static final String[] ANSWERS = {"yes", "sí", "نه"};

  @RegisterExtension static final EmailWorld EMAIL = new EmailWorld();

  private Mailboxes mailboxes;
  private EmailHarness bot;

  @BeforeEach
  void setUp() {
    mailboxes = EMAIL.mailboxes();
    bot = EMAIL.bot();
  }

  @Test
  void aHalfClearMailGetsOneQuestionInItsLanguageAndTheReplyDecides() throws Exception {
    bot.start();
    for (int i = 0; i < PEOPLE.length; i++) {
      mailboxes.send(mailboxes.compose(PEOPLE[i], "hello", TEXTS[i]));
    }
    MimeMessage[] questions = new MimeMessage[PEOPLE.length];
    for (int i = 0; i < PEOPLE.length; i++) {
      String address = PEOPLE[i];
      await().atMost(Duration.ofSeconds(30)).until(() -> !mailboxes.inboxOf(address).isEmpty());
      questions[i] = mailboxes.inboxOf(address).get(0);
      assertThat(questions[i].getContent().toString()).startsWith(QUESTIONS[i]);
      assertThat(bot.store().activeListingsOf(person(address))).isEmpty();
    }

    for (int i = 0; i < PEOPLE.length; i++) {
      MimeMessage reply =
          mailboxes.compose(
              PEOPLE[i],
              questions[i].getSubject(),
              ANSWERS[i]
                  + "\n\nOn Tuesday AidBridge <"
                  + BOT
                  + "> wrote:\n> "
                  + questions[i].getContent().toString().replace("\n", "\n> "));
      reply.setHeader("In-Reply-To", questions[i].getMessageID());
      mailboxes.send(reply);
    }

    for (int i = 0; i < 2; i++) {
      String address = PEOPLE[i];
      String asked = TEXTS[i];
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(bot.store().activeListingsOf(person(address)))
                      .singleElement()
                      .satisfies(
                          l -> {
                            assertThat(l.kind()).isEqualTo(Kind.NEED);
                            assertThat(l.text()).isEqualTo(asked);
                          }));
    }
    String cara = PEOPLE[2];
    await().atMost(Duration.ofSeconds(30)).until(() -> mailboxes.inboxOf(cara).size() >= 2);
    assertThat(raw(mailboxes.inboxOf(cara).get(1))).isNotEmpty();
    assertThat(mailboxes.inboxOf(cara).get(1).getContent().toString())
        .startsWith("باشه، چیزی ثبت نکردم.");
    assertThat(bot.store().activeListingsOf(person(cara))).isEmpty();
  }

  private static Address person(String address) {
    return Address.person(Channel.EMAIL, address);
  }
}
