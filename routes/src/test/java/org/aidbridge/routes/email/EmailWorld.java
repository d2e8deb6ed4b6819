package org.aidbridge.routes.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every email integration test stands on, registered as {@code @RegisterExtension static}: for
 * each test a fresh GreenMail server (SMTP and IMAP, the bot's mailbox set up) and a fresh
 * database, the bot on them ({@link EmailHarness}, which the test starts, stops and restarts), and
 * the people's side ({@link Mailboxes}). Waits last at most 15 s, looking every 50 ms: the first
 * start loads the gazetteer; after that every step takes well under a second.
 */
final class EmailWorld
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private GreenMail greenMail;
  private Path dir;
  private Mailboxes mailboxes;
  private EmailHarness bot;

  @Override
  public void beforeAll(ExtensionContext context) {
    Awaitility.setDefaultTimeout(Duration.ofSeconds(15));
    Awaitility.setDefaultPollInterval(Duration.ofMillis(50));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Awaitility.reset();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    greenMail.start();
    greenMail.setUser(EmailHarness.BOT, EmailHarness.BOT, EmailHarness.BOT_PASSWORD);
    dir = Files.createTempDirectory("aidbridge-email-it");
    mailboxes = new Mailboxes(greenMail);
    bot = new EmailHarness(greenMail, dir.resolve("aidbridge.db"));
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    try {
      bot.close();
    } finally {
      greenMail.stop();
      deleteAll(dir);
    }
  }

  /** The people's mailboxes on this test's server. */
  Mailboxes mailboxes() {
    return mailboxes;
  }

  /** The bot on this test's server and database, not started yet. */
  EmailHarness bot() {
    return bot;
  }

  private static void deleteAll(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
