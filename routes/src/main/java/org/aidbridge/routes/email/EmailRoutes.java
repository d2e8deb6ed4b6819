package org.aidbridge.routes.email;

import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.routes.app.ChannelProbe;
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailEndpoint;

/**
 * Mail in: poll the IMAP folder, translate each mail, hand it to the bot. A mail is marked SEEN
 * only when its exchange completed, that is after the bot stored it ({@code peek=true}), so a crash
 * mid-poll loses nothing; a failed exchange leaves it unseen for the next poll.
 */
final class EmailRoutes extends RouteBuilder {
  static final String INBOUND_ROUTE = "email-inbound";
  static final String TRANSLATE_STEP = "email-translate";
  static final String HAND_TO_BOT_STEP = "email-hand-to-bot";

  private final EmailSettings settings;
  private final MailIntake intake;
  private final ChannelProbe imap;
  private volatile boolean standingBy;

  EmailRoutes(EmailSettings settings, MailIntake intake, ChannelProbe imap) {
    this.settings = settings;
    this.intake = intake;
    this.imap = imap;
  }

  @Override
  public void configure() {
    from(inbox())
        .routeId(INBOUND_ROUTE)
        .autoStartup(!standingBy)
        // Never "handled": a failed exchange is what keeps the mail unseen for the next poll.
        .onException(Exception.class)
        .handled(false)
        .logExhausted(false)
        .log(
            LoggingLevel.WARN,
            EmailRoutes.class.getName(),
            "a mail was not stored (${exception.class.simpleName}); it stays unread and is read"
                + " again at the next poll")
        .end()
        .process(intake::translate)
        .id(TRANSLATE_STEP)
        .filter(body().isInstanceOf(InboundMessage.class))
        .process(intake::handToBot)
        .id(HAND_TO_BOT_STEP);
  }

  /** The inbound route will start stopped: another instance reads the mailbox. */
  void standBy() {
    standingBy = true;
  }

  void startInbound() {
    standingBy = false;
    controlInbound(true);
  }

  void stopInbound() {
    controlInbound(false);
  }

  private void controlInbound(boolean start) {
    CamelContext camel = getContext();
    if (camel == null || camel.getRoute(INBOUND_ROUTE) == null) {
      return; // the routes were never added (the application failed to start)
    }
    try {
      if (start) {
        camel.getRouteController().startRoute(INBOUND_ROUTE);
      } else {
        camel.getRouteController().stopRoute(INBOUND_ROUTE);
      }
    } catch (Exception e) {
      throw new IllegalStateException(
          (start ? "starting" : "stopping") + " the mailbox route failed", e);
    }
  }

  /** The IMAP endpoint; the password is set on it directly so it never appears in a URI or log. */
  private MailEndpoint inbox() {
    EmailSettings.MailServer imap = settings.imap();
    String uri =
        imap.protocol()
            + "://"
            + imap.host()
            + ":"
            + imap.port()
            + "?mapMailMessage=false&peek=true&unseen=true&delete=false"
            + "&skipFailedMessage=true&maxMessagesPerPoll=50&initialDelay=0"
            + "&delay="
            + settings.pollMillis();
    MailEndpoint endpoint = getContext().getEndpoint(uri, MailEndpoint.class);
    endpoint.getConfiguration().setUsername(settings.username());
    endpoint.getConfiguration().setPassword(settings.password());
    endpoint.getConfiguration().setFolderName(settings.folder());
    endpoint.setPollStrategy(new ImapPollHealth(this.imap));
    return endpoint;
  }
}
