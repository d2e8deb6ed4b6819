package org.aidbridge.routes.email;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * never holds up the bot. It only marks the mails deleted; the inbound route removes them
 * (expunges) when it closes the folder at the end of its poll. Removing them here could pull a mail
 * from under the route while it is being handled. The mail being handled when the person is
 * forgotten (their "yes") is the route's to delete: see {@link MailIntake#handToBot}.
 */
final class MailFolderEraser implements ChannelCopies, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MailFolderEraser.class);
  private static final String TIMEOUT_MS = "30000";

  private final EmailSettings settings;
  private final Session session;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
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
      worker.execute(() -> eraseQuietly(sender.id()));
    }
  }

  @Override
  public void close() {
    worker.shutdown();
  }

  private void eraseQuietly(String address) {
    try {
      int erased = erase(address);
      LOG.info("{} mail(s) of a forgotten person marked for deletion in the IMAP folder", erased);
    } catch (MessagingException | RuntimeException e) {
      // The address stays out of the log; what failed is enough to look into it.
      LOG.warn(
          "could not erase a forgotten person's mail from the IMAP folder ({}); it stays there",
          e.getClass().getSimpleName());
    }
  }

  private int erase(String address) throws MessagingException {
    EmailSettings.MailServer imap = settings.imap();
    try (Store store = session.getStore(imap.protocol())) {
      store.connect(imap.host(), imap.port(), settings.username(), settings.password());
      Folder folder = store.getFolder(settings.folder());
      folder.open(Folder.READ_WRITE);
      int erased = 0;
      try {
        for (Message mail : folder.getMessages()) {
          if (isFrom(mail, address)) {
            mail.setFlag(Flags.Flag.DELETED, true);
            erased++;
          }
        }
      } finally {
        folder.close(false);
      }
      return erased;
    }
  }

  /**
   * Compares the sender whole; a search on the server would match any address that contains it. A
   * mail the inbound route removed meanwhile (it expunges at the end of every poll) cannot be read
   * any more and is not theirs to erase either.
   */
  private static boolean isFrom(Message mail, String address) {
    try {
      return !mail.isExpunged() && MailTranslator.senderOf(mail).equals(address);
    } catch (MessagingException e) {
      return false;
    }
  }

  private static Properties imapProperties(EmailSettings.MailServer imap) {
    String prefix = "mail." + imap.protocol() + ".";
    Properties props = new Properties();
    props.put(prefix + "connectiontimeout", TIMEOUT_MS);
    props.put(prefix + "timeout", TIMEOUT_MS);
    return props;
  }
}
