package org.aidbridge.routes.email;

import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.outbox.ChannelSender;
import org.aidbridge.routes.app.AppContext;
import org.aidbridge.routes.app.ChannelAdapter;
import org.apache.camel.RoutesBuilder;

/**
 * Email as a channel: an IMAP route that brings mail to the bot, and an SMTP sender for its outbox.
 *
 * <p>Wiring: {@code if (EmailSettings.configured(settings)) adapters.add(EmailChannel.create(ctx));
 * else log(EmailSettings.howToEnable());} then add {@link #routes()} to the Camel context and drain
 * the outbox through {@link #sender()} on a timer.
 */
public final class EmailChannel implements ChannelAdapter {
  private final EmailRoutes routes;
  private final EmailSender sender;
  private final MailFolderEraser eraser;

  private EmailChannel(EmailRoutes routes, EmailSender sender, MailFolderEraser eraser) {
    this.routes = routes;
    this.sender = sender;
    this.eraser = eraser;
  }

  /**
   * Builds the channel from the application's settings.
   *
   * @throws org.aidbridge.routes.config.ConfigException when an email setting is missing or wrong
   */
  public static EmailChannel create(AppContext ctx) {
    EmailSettings settings = EmailSettings.from(ctx.settings());
    MailTokens tokens = MailTokens.of(ctx.channelMemory());
    MailIntake intake =
        new MailIntake(
            new MailTranslator(ctx.clock(), SenderProof.from(ctx.settings()), tokens),
            ctx.bot(),
            settings.address(),
            ctx.channelMemory(),
            tokens);
    // Forgetting a person also erases the mails they sent, which the IMAP folder keeps.
    MailFolderEraser eraser = new MailFolderEraser(settings);
    ctx.bot().register(eraser);
    return new EmailChannel(
        new EmailRoutes(
            settings,
            intake,
            // A poll of a large mailbox can take a while: three periods and a minute of silence.
            ctx.health()
                .repeating(
                    Channel.EMAIL,
                    "imap",
                    java.time.Duration.ofMillis(settings.pollMillis() * 3).plusMinutes(1))),
        new EmailSender(settings, ctx.clock(), tokens),
        eraser);
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public RoutesBuilder routes() {
    return routes;
  }

  @Override
  public ChannelSender sender() {
    return sender;
  }

  /** Another instance reads the mailbox: the IMAP route starts stopped. */
  @Override
  public void standBy() {
    routes.standBy();
  }

  /** This instance reads the mailbox (again): the IMAP route starts. */
  @Override
  public void startReceiving() {
    routes.startInbound();
  }

  /** Another instance reads the mailbox now, or the application stops: the IMAP route stops. */
  @Override
  public void stopReceiving() {
    routes.stopInbound();
  }

  @Override
  public void close() {
    eraser.close();
  }

  /** The id of the inbound route, e.g. to stop or advise it. */
  public static String inboundRouteId() {
    return EmailRoutes.INBOUND_ROUTE;
  }
}
