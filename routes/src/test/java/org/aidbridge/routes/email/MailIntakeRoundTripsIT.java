package org.aidbridge.routes.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;
import org.aidbridge.bot.model.InboundMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reading a mail that lies on a real IMAP server costs a fixed, small number of requests, not one
 * per header looked at. The crash harness found the intake reading one mail a second on a loaded
 * machine (every header a round trip of its own), so a backlog of mail waited for minutes.
 */
class MailIntakeRoundTripsIT {
  /** A client command fetching something: {@code A7 FETCH 1 (...)} or {@code A7 UID FETCH ...}. */
  private static final Pattern FETCH = Pattern.compile("(?m)^A\\d+ (UID )?FETCH ");

  @RegisterExtension
  static final GreenMailExtension GREENMAIL =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(
              GreenMailConfiguration.aConfig()
                  .withUser(EmailHarness.BOT, EmailHarness.BOT, EmailHarness.BOT_PASSWORD));

  private final MailIntake intake =
      new MailIntake(
          new MailTranslator(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)), null, EmailHarness.BOT);

  @Test
  void aMailOnTheServerIsReadWithAFewFetchesNotOnePerHeader() throws Exception {
    Mailboxes people = new Mailboxes(GREENMAIL);
    people.send(people.compose("ana@example.org", "hello", "I need insulin in Portland"));
    ByteArrayOutputStream trace = new ByteArrayOutputStream();
    Store store = botStore(trace);
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_WRITE);
      Message mail = inbox.getMessage(1);
      int before = fetches(trace);

      Optional<InboundMessage> read = intake.translate(mail);

      assertThat(read)
          .hasValueSatisfying(m -> assertThat(m.text()).contains("I need insulin in Portland"));
      // The first look (envelope, structure, the named headers) and the text part: before, about
      // fifteen, one per header.
      assertThat(fetches(trace) - before).isLessThanOrEqualTo(3);
      inbox.close(false);
    } finally {
      store.close();
    }
  }

  @Test
  void ofAMailWithAHugeTextAndAHugeAttachmentOnlyTheStartOfTheTextIsFetched() throws Exception {
    GREENMAIL
        .getUserManager()
        .getUserByEmail(EmailHarness.BOT)
        .deliver(HostileMails.longTextAndAttachment("ana@example.org", 2 << 20, 8 << 20));
    ByteArrayOutputStream trace = new ByteArrayOutputStream();
    Store store = botStore(trace);
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_WRITE);
      Message mail = inbox.getMessage(1);
      int before = trace.size();

      Optional<InboundMessage> read = intake.translate(mail);

      assertThat(read)
          .hasValueSatisfying(
              m -> {
                assertThat(m.text()).startsWith("I need insulin in Portland");
                assertThat(m.textCut()).isTrue();
              });
      // The structure, the headers and the first 64 KB of the text (MailBody.MAX_TEXT_BYTES), 16 KB
      // a fetch: the trace shows every byte the server sent. Read whole, the text alone is 2 MB.
      assertThat(trace.size() - before).isLessThan(256 * 1024);
      inbox.close(false);
    } finally {
      store.close();
    }
  }

  /** The bot's mailbox over IMAP, every byte both ways written to {@code trace}. */
  private static Store botStore(ByteArrayOutputStream trace) throws Exception {
    Session session = GREENMAIL.getImap().createSession();
    session.setDebugOut(new PrintStream(trace, true, StandardCharsets.UTF_8));
    session.setDebug(true);
    Store store = session.getStore("imap");
    store.connect(EmailHarness.BOT, EmailHarness.BOT_PASSWORD);
    return store;
  }

  private static int fetches(ByteArrayOutputStream trace) {
    return (int) FETCH.matcher(trace.toString(StandardCharsets.UTF_8)).results().count();
  }
}
