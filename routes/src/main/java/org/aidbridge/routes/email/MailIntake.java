package org.aidbridge.routes.email;

import jakarta.mail.Flags;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.port.ChannelMemory;
import org.aidbridge.bot.service.Forgetting;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailConstants;
import org.apache.camel.component.mail.MailMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the inbound route. A mail the bot should not answer (automatic, unreadable) leaves
 * the route with an empty body and is then marked seen; a mail the bot could not store makes the
 * exchange fail, so it stays unseen on the server and is read again on the next poll.
 *
 * <p>The mail is read where it lies, on the server: headers and structure first, then only the text
 * parts, within limits ({@link MailBody}); a 25 MB attachment is never downloaded. A mail that
 * cannot be read (no sender address, a broken structure) is set aside for good: flagged {@link
 * #UNREADABLE_FLAG}, marked seen, logged once. Only a lost connection to the server fails the
 * exchange, so that mail is read again at the next poll.
 */
final class MailIntake {
  private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);

  /** The IMAP keyword a mail set aside as unreadable gets, for an operator to find it. */
  static final String UNREADABLE_FLAG = "AidBridgeUnreadable";

  private final MailTranslator translator;
  private final BotService bot;
  private final String botAddress;
  private final ChannelMemory store;
  private final MailTokens tokens;

  MailIntake(MailTranslator translator, BotService bot, String botAddress) {
    this(translator, bot, botAddress, null, MailTokens.NONE);
  }

  /**
   * With a store, bounces of the bot's own mail mark their recipient unreachable: those that carry
   * the recipient's token ({@link MailTokens}).
   */
  MailIntake(
      MailTranslator translator,
      BotService bot,
      String botAddress,
      ChannelMemory store,
      MailTokens tokens) {
    this.translator = translator;
    this.bot = bot;
    this.botAddress = botAddress;
    this.store = store;
    this.tokens = tokens;
  }

  /** Replaces the raw mail by the {@link InboundMessage} to hand to the bot, or by null. */
  void translate(Exchange exchange) {
    Message mail = exchange.getIn(MailMessage.class).getOriginalMessage();
    exchange.getIn().setBody(translate(mail).orElse(null));
  }

  Optional<InboundMessage> translate(Message mail) {
    try {
      FirstLook.load(mail);
      Optional<String> automatic = AutoMail.reason(mail, botAddress);
      if (automatic.isPresent()) {
        LOG.debug("not answering automatic mail ({})", automatic.get());
        noteBounce(mail);
        return Optional.empty();
      }
      if (fromASubscribedList(mail)) {
        LOG.debug("not answering mail written in the name of a subscribed list");
        return Optional.empty();
      }
      return Optional.of(translator.translate(mail));
    } catch (MessagingException | MailTranslator.UnreadableMailException e) {
      if (connectionLost(e)) {
        throw new IllegalStateException("the IMAP connection was lost while reading a mail", e);
      }
      // Left aside for good: it would fail the same way on every poll.
      // Only the kind of failure is logged: a message may quote an address.
      LOG.warn("could not read a mail ({}); it is set aside, marked seen, not answered", kind(e));
      LOG.debug("unreadable mail", e);
      flagUnreadable(mail);
      return Optional.empty();
    }
  }

  /**
   * Whether the mail's From is an email list the bot posts to. Every member of a list can write in
   * its name (and list managers rewrite a member's From to the list, DKIM-signed), and every member
   * saw the Message-IDs of the bot's mails to it: nothing such a mail carries proves a person. Read
   * as a person, it could erase the list's subscription ({@code forget}) or answer the bot for it;
   * asked to confirm, it would make the bot mail the whole list. So it is not answered, as list
   * mail is not ({@link AutoMail}).
   */
  private boolean fromASubscribedList(Message mail) throws MessagingException {
    if (store == null) {
      return false;
    }
    String from = MailTranslator.senderOf(mail);
    return store.subscriptionOf(Address.group(Channel.EMAIL, from)).isPresent();
  }

  /** Whether reading failed because the server went away (worth trying again), not the mail. */
  static boolean connectionLost(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof FolderClosedException
          || t instanceof StoreClosedException
          || t instanceof java.net.SocketException
          || t instanceof java.net.SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Flags the mail and marks it seen here and now: Camel marks it seen only after the exchange, and
   * for a mail whose envelope the server cannot build (a From with no address) that step fails too,
   * which would leave the mail unseen and read again on every poll.
   */
  private static void flagUnreadable(Message mail) {
    try {
      mail.setFlag(Flags.Flag.SEEN, true);
    } catch (MessagingException | RuntimeException e) {
      LOG.debug("could not mark an unreadable mail seen", e);
    }
    try {
      mail.setFlags(new Flags(UNREADABLE_FLAG), true);
    } catch (MessagingException | RuntimeException e) {
      LOG.debug("could not flag an unreadable mail", e);
    }
  }

  /**
   * A permanent bounce of a mail the bot sent marks that mail's recipient unreachable, as
   * Telegram's 403 does: nothing more is sent there until the person writes again. Only a bounce
   * naming the Message-ID of a mail the bot sent to that recipient counts, with the recipient's
   * token in it (which only that mailbox and its servers saw), so a forged bounce cannot silence a
   * person. A list is never silenced by a bounce: all its members saw the Message-ID of its mail (a
   * coordinator unsubscribes a list that is gone).
   */
  private void noteBounce(Message mail) {
    if (store == null) {
      return;
    }
    try {
      Bounces.Bounce bounce = Bounces.read(mail);
      if (bounce == null) {
        return;
      }
      store
          .sentMessage(Channel.EMAIL, bounce.messageId())
          .map(entry -> entry.message().to())
          .filter(to -> bounce.failedRecipients().contains(to.id().toLowerCase(Locale.ROOT)))
          .filter(to -> !to.group()) // every member of a list saw that mail's Message-ID
          .filter(to -> tokens.sentTo(bounce.messageId(), to.id()))
          .ifPresent(
              to -> {
                store.setUnreachable(to, true);
                LOG.info("a bounce marked the recipient of one of our mails unreachable");
              });
    } catch (MessagingException | IOException | RuntimeException e) {
      LOG.debug("could not read a bounce", e);
    }
  }

  private static String kind(Exception e) {
    return e instanceof MailTranslator.UnreadableMailException
        ? e.getMessage()
        : e.getClass().getSimpleName();
  }

  /**
   * Stores and handles the message; a failure propagates so the mail stays unseen. A mail whose
   * sender it made the bot forget is deleted from the folder instead of marked seen (their earlier
   * mails are the {@link MailFolderEraser}'s).
   */
  void handToBot(Exchange exchange) {
    InboundMessage message = exchange.getIn().getBody(InboundMessage.class);
    List<OutboundMessage> out = bot.handle(message);
    if (out.stream().anyMatch(o -> Forgetting.TOPIC.equals(o.topic()))) {
      exchange.getIn().setHeader(MailConstants.MAIL_DELETE, true);
    }
    LOG.debug("mail from {} handled, {} message(s) queued", message.sender(), out.size());
  }
}
