package org.aidbridge.routes.signal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.outbox.Backoff;
import org.aidbridge.bot.outbox.ChannelSender;
import org.aidbridge.routes.app.AppContext;
import org.aidbridge.routes.app.ChannelAdapter;
import org.aidbridge.routes.app.ChannelProbe;
import org.aidbridge.routes.app.RawInbox;
import org.aidbridge.routes.config.ConfigException;
import org.aidbridge.routes.config.Settings;
import org.apache.camel.RoutesBuilder;

/**
 * The Signal channel: a signal-cli daemon spoken to over JSON-RPC ({@code signal.endpoint}).
 *
 * <p>Settings: {@code signal.endpoint} ({@code tcp://host:port} or {@code unix:/path}), {@code
 * signal.account} (the bot's number, for a multi-account daemon), {@code
 * signal.direct.pace.seconds}, {@code signal.request.timeout.seconds}, {@code signal.receive.mode}
 * ({@code on-connection}, the default, or {@code manual}: how the daemon was started), and {@code
 * coordinators} (told through another channel when Signal asks for a captcha).
 */
public final class SignalChannel implements ChannelAdapter {
  /** Received messages that may wait, stored, before reading from the daemon pauses. */
  static final int MAX_WAITING = 1_000;

  private final SignalRpcClient client;
  private final SignalSender sender;
  private final SignalConnection connection;

  private SignalChannel(SignalRpcClient client, SignalSender sender, SignalConnection connection) {
    this.client = client;
    this.sender = sender;
    this.connection = connection;
  }

  /** Builds the channel from the settings; it connects when its routes start. */
  public static SignalChannel create(AppContext ctx) {
    return create(ctx, Backoff.RECONNECT);
  }

  /** As {@link #create(AppContext)}, with a chosen reconnection backoff (tests use a short one). */
  public static SignalChannel create(AppContext ctx, Backoff reconnect) {
    SignalSettings settings = SignalSettings.from(ctx.settings());
    String account = settings.account();
    SignalInbound[] inbound = new SignalInbound[1];
    RawInbox inbox =
        new RawInbox(
            Channel.SIGNAL,
            ctx.channelMemory(),
            ctx.clock(),
            ctx.bot(),
            payload -> translate(payload, inbound[0]),
            SignalEnvelopeTranslator::sentBy,
            () -> true,
            reconnect.first(),
            reconnect.max(),
            MAX_WAITING);
    SignalConnection connection =
        new SignalConnection(settings.receiveMode() == SignalSettings.ReceiveMode.MANUAL, inbox);
    SignalRpcClient client =
        new SignalRpcClient(
            settings.endpoint(), account, settings.requestTimeout(), reconnect, connection);
    connection.attach(client);
    client.watch(connectionProbe(ctx));
    inbound[0] = inbound(ctx, client, account);
    ctx.bot().register(inbox); // what a forgotten person sent that still waits goes too
    return new SignalChannel(client, sender(ctx, client, settings), connection);
  }

  /**
   * One stored notification translated (asking the daemon for group admins if needed): its message
   * goes to the core in a batch with its neighbours'.
   */
  private static RawInbox.Work translate(String payload, SignalInbound inbound)
      throws java.io.IOException {
    return new RawInbox.ForCore(
        inbound.toInbound(SignalRpcClient.JSON.readTree(payload)).stream().toList());
  }

  /** The daemon connection as {@code /health} shows it: down until connected. */
  private static SignalRpcClient.ConnectionWatcher connectionProbe(AppContext ctx) {
    ChannelProbe probe = ctx.health().probe(Channel.SIGNAL, "connected", false);
    return new SignalRpcClient.ConnectionWatcher() {
      @Override
      public void connected() {
        probe.up();
      }

      @Override
      public void disconnected(String why) {
        probe.down(why);
      }
    };
  }

  private static SignalInbound inbound(AppContext ctx, SignalRpcClient client, String account) {
    SignalEnvelopeTranslator translator =
        new SignalEnvelopeTranslator(
            account, ts -> ctx.channelMemory().sentMessage(Channel.SIGNAL, ts).isPresent());
    SignalGroupAdmins admins =
        new SignalGroupAdmins(
            () -> SignalRpcClient.await(client.requestForAccount("listGroups", null)),
            ctx.clock(),
            Duration.ofMinutes(1));
    return new SignalInbound(translator, admins);
  }

  private static SignalSender sender(
      AppContext ctx, SignalRpcClient client, SignalSettings settings) {
    DirectPacer pacer = new DirectPacer(ctx.clock(), settings.directPace());
    SignalCaptchaAlert alert =
        new SignalCaptchaAlert(
            ctx.channelMemory(), coordinators(ctx.settings()), ctx.clock(), settings.account());
    return new SignalSender(
        client, pacer, alert, ctx.clock(), settings.account(), ctx.channelMemory()::journalSent);
  }

  static Set<Address> coordinators(Settings settings) {
    String value = settings.string("coordinators", "");
    try {
      return Arrays.stream(value.split(","))
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .map(Address::parsePerson)
          .collect(Collectors.toUnmodifiableSet());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("coordinators", e.getMessage());
    }
  }

  @Override
  public Channel channel() {
    return Channel.SIGNAL;
  }

  @Override
  public RoutesBuilder routes() {
    return new SignalRoutes(connection);
  }

  @Override
  public ChannelSender sender() {
    return sender;
  }

  /** The client, for health checks: whether the daemon is connected. */
  public SignalRpcClient client() {
    return client;
  }

  /** Another instance holds the Signal connection: the routes start without connecting. */
  @Override
  public void standBy() {
    connection.standBy();
  }

  /** This instance holds the Signal connection (again). */
  @Override
  public void startReceiving() {
    connection.start();
  }

  /**
   * Closes the connection to the daemon before the routes stop, or when another instance takes
   * Signal over: nothing read is left behind.
   */
  @Override
  public void stopReceiving() {
    connection.stop();
  }

  /**
   * Sending uses the connection that receives: with {@code --receive-mode on-connection} signal-cli
   * hands every incoming message to every connected client, so only the instance leading Signal
   * connects, and only it sends Signal's outbox.
   */
  @Override
  public boolean sendsOnlyWhileReceiving() {
    return true;
  }

  @Override
  public void close() {
    connection.close();
  }
}
