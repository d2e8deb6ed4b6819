package org.aidbridge.routes.email;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.aidbridge.bot.ChannelCopies;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases a forgotten person's mails from the bot's IMAP folder: every mail whose sender is their
 * address, compared whole (an IMAP search for "al@example.org" also finds "sal@example.org", so
 * every mail's sender is read here instead).
 *
 * <p>It runs on its own thread and connection, after the bot's decision, so a slow mail server
 * never holds up the bot. It removes only mails already marked seen, that is handled: a mail not
 * yet seen may be the one the inbound route is handling at that moment (the person's "yes"), and
 * pulling it from under the route would fail the route's commit. That one the route deletes itself
 * (see {@link MailIntake#handToBot}).
 */
final class MailFolderEraser implements ChannelCopies, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MailFolderEraser.class);
  private static final String TIMEOUT_MS = "30000";

  /** Passes over the folder while some mail could not be read, and the wait between them. */
  private static final int MAX_PASSES = 5;

  private static final Duration BETWEEN_PASSES = Duration.ofSeconds(2);

  private final EmailSettings settings;
  private final Session session;
  private final ScheduledExecutorService worker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "email-erase");
            t.setDaemon(true);
            return t;
          });

  MailFolderEraser(EmailSettings settings) {
    this.settings = settings;
    this.session = Session.getInstance(imapProperties(settings.imap()));
  }

  @Override
  public void eraseFrom(Address sender) {
    if (sender.channel() == Channel.EMAIL && !sender.group()) {
      worker.execute(() -> pass(sender.id(), 1));
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }

  /**
   * One pass over the folder. A mail the server could not give (one being handled or removed at
   * that moment) may be theirs: then another pass follows, a few at most.
   */
  private void pass(String address, int number) {
    try {
      Pass done = erase(address);
      LOG.info("{} mail(s) of a forgotten person deleted from the IMAP folder", done.erased());
      if (done.unreadable() > 0 && number < MAX_PASSES) {
        worker.schedule(
            () -> pass(address, number + 1), BETWEEN_PASSES.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (MessagingException | RuntimeException e) {
      // The address stays out of the log; what failed is enough to look into it.
      LOG.warn(
          "could not erase a forgotten person's mail from the IMAP folder ({}); it stays there",
          e.getClass().getSimpleName());
    }
  }

  private Pass erase(String address) throws MessagingException {
    EmailSettings.MailServer imap = settings.imap();
    try (Store store = session.getStore(imap.protocol())) {
      store.connect(imap.host(), imap.port(), settings.username(), settings.password());
      Folder folder = store.getFolder(settings.folder());
      folder.open(Folder.READ_WRITE);
      int erased = 0;
      int unreadable = 0;
      try {
        for (Message mail : folder.getMessages()) {
          Optional<String> sender = senderOf(mail);
          if (sender.isEmpty()) {
            unreadable++;
          } else if (sender.get().equals(address) && mail.isSet(Flags.Flag.SEEN)) {
            // Compared whole: an IMAP search for al@example.org also finds sal@example.org.
            mail.setFlag(Flags.Flag.DELETED, true);
            erased++;
          }
        }
      } finally {
        folder.close(true); // removes what was marked
      }
      return new Pass(erased, unreadable);
    }
  }

  /** The sender, or empty when the server could not give the mail (being handled, or removed). */
  private static Optional<String> senderOf(Message mail) {
    try {
      return mail.isExpunged() ? Optional.of("") : Optional.of(MailTranslator.senderOf(mail));
    } catch (MessagingException e) {
      return Optional.empty();
    }
  }

  private static Properties imapProperties(EmailSettings.MailServer imap) {
    String prefix = "mail." + imap.protocol() + ".";
    Properties props = new Properties();
    props.put(prefix + "connectiontimeout", TIMEOUT_MS);
    props.put(prefix + "timeout", TIMEOUT_MS);
    return props;
  }

  private record Pass(int erased, int unreadable) {}
}
