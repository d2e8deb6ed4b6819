package org.aidbridge.routes.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Properties;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.outbox.ChannelSender;
import org.aidbridge.bot.outbox.SendOutcome;
import org.aidbridge.bot.store.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outbox entries by SMTP with Jakarta Mail directly (not through a Camel producer), because
 * the bot must choose each mail's Message-ID, so answers can be tied back, and must tell a rejected
 * recipient from a server that is down from the SMTP reply codes.
 *
 * <p>One SMTP connection serves a whole drain of the outbox: it is opened at the first mail, reused
 * for the next ones, and closed when the drain ends ({@link #endOfDrain}) or after any failure, so
 * a broken connection is never reused. Sends are made by the outbox's one thread per channel.
 */
public final class EmailSender implements ChannelSender {
  private static final Logger LOG = LoggerFactory.getLogger(EmailSender.class);
  private static final String TIMEOUT_MS = "20000";

  private final EmailSettings settings;
  private final Session session;
  private final MailComposer composer;
  private final SmtpFailures failures;
  private Transport transport; // open during a drain; only the outbox thread touches it

  /**
   * @param tokens the installation's mail tokens ({@code MailTokens.of(store)}): each mail's
   *     Message-ID carries its recipient's
   */
  EmailSender(EmailSettings settings, Clock clock, MailTokens tokens) {
    this.settings = settings;
    this.session = Session.getInstance(smtpProperties(settings));
    this.composer = new MailComposer(session, settings, clock, tokens);
    this.failures = new SmtpFailures();
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public SendOutcome send(OutboxEntry entry) {
    MailComposer.Composed composed;
    try {
      composed = composer.compose(entry);
    } catch (MessagingException e) {
      return new SendOutcome.Rejected("cannot compose: " + e.getClass().getSimpleName());
    }
    try {
      deliver(composed.mail());
      LOG.debug("outbox entry {} sent by mail", entry.id());
      return new SendOutcome.Sent(composed.messageId());
    } catch (MessagingException e) {
      endOfDrain();
      SendOutcome outcome = failures.outcome(e);
      LOG.debug("sending outbox entry {} failed", entry.id(), e);
      return outcome;
    }
  }

  /** Closes the connection this drain used, if any. */
  @Override
  public void endOfDrain() {
    Transport open = transport;
    transport = null;
    if (open != null) {
      try {
        open.close();
      } catch (MessagingException e) {
        LOG.debug("closing the SMTP connection failed", e);
      }
    }
  }

  private void deliver(MimeMessage mail) throws MessagingException {
    if (transport == null) {
      Transport fresh = session.getTransport();
      fresh.connect(settings.username(), settings.password());
      transport = fresh;
    }
    transport.sendMessage(mail, mail.getAllRecipients());
  }

  private static Properties smtpProperties(EmailSettings settings) {
    EmailSettings.MailServer smtp = settings.smtp();
    String prefix = "mail." + smtp.protocol() + ".";
    Properties props = new Properties();
    props.put("mail.transport.protocol", smtp.protocol());
    props.put(prefix + "host", smtp.host());
    props.put(prefix + "port", String.valueOf(smtp.port()));
    props.put(prefix + "auth", "true");
    props.put(prefix + "connectiontimeout", TIMEOUT_MS);
    props.put(prefix + "timeout", TIMEOUT_MS);
    props.put(prefix + "writetimeout", TIMEOUT_MS);
    // Report every rejected recipient with its own reply code instead of one generic failure.
    props.put(prefix + "reportsuccess", "false");
    if (!smtp.secure()) {
      // Upgrade to TLS whenever the server offers it (submission on port 587).
      props.put(prefix + "starttls.enable", "true");
    }
    // The domain the bot greets with (EHLO), instead of this machine's name.
    props.put(prefix + "localhost", settings.domain());
    return props;
  }
}
