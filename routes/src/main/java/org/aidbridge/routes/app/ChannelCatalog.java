package org.aidbridge.routes.app;

import java.util.List;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.routes.config.Settings;
import org.aidbridge.routes.email.EmailChannel;
import org.aidbridge.routes.email.EmailSettings;
import org.aidbridge.routes.signal.SignalChannel;
import org.aidbridge.routes.signal.SignalSettings;
import org.aidbridge.routes.telegram.TelegramChannel;
import org.aidbridge.routes.telegram.TelegramSettings;

/** The channels this build can run, and what turns each of them on. */
public final class ChannelCatalog {
  private ChannelCatalog() {}

  /** Every channel with its adapter. */
  public static List<ChannelOption> standard() {
    return List.of(
        new ChannelOption(Channel.EMAIL, EmailChannel::create),
        new ChannelOption(Channel.TELEGRAM, TelegramChannel::create),
        new ChannelOption(Channel.SIGNAL, SignalChannel::create));
  }

  /** The channels whose settings are present. */
  public static List<ChannelOption> configured(List<ChannelOption> options, Settings settings) {
    return options.stream().filter(o -> o.configured(settings)).toList();
  }

  static boolean configured(Channel channel, Settings settings) {
    return switch (channel) {
      case EMAIL -> EmailSettings.configured(settings); // any email setting: then all are needed
      case TELEGRAM -> settings.get(TelegramSettings.TOKEN).isPresent();
      case SIGNAL -> SignalSettings.configured(settings);
    };
  }

  static String howToTurnOn(Channel channel) {
    return switch (channel) {
      case EMAIL ->
          "set imap.url, smtp.url and email.address (AIDBRIDGE_IMAP_URL, AIDBRIDGE_SMTP_URL,"
              + " AIDBRIDGE_EMAIL_ADDRESS) and the password in AIDBRIDGE_EMAIL_PASSWORD;"
              + " see docs/email.md";
      case TELEGRAM ->
          "set AIDBRIDGE_TELEGRAM_TOKEN to the token from @BotFather; see docs/telegram.md";
      case SIGNAL ->
          "set signal.endpoint (AIDBRIDGE_SIGNAL_ENDPOINT) to a signal-cli daemon and"
              + " signal.account (AIDBRIDGE_SIGNAL_ACCOUNT); see docs/signal.md";
    };
  }

  /** What to say when nothing is turned on. */
  public static String nothingConfigured() {
    StringBuilder message =
        new StringBuilder("No channel is configured, so there is nothing to run.");
    for (Channel channel : Channel.values()) {
      message
          .append(' ')
          .append(channel.id())
          .append(": ")
          .append(howToTurnOn(channel))
          .append('.');
    }
    return message
        .append(" To try AidBridge without any account, run: ./aidbridge demo")
        .toString();
  }
}
