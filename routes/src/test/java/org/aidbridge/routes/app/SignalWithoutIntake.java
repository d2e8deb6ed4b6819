package org.aidbridge.routes.app;

import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.outbox.ChannelSender;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;

/**
 * Signal as far as the application sees it in its own tests: no intake, sends by a given sender.
 */
final class SignalWithoutIntake {
  private SignalWithoutIntake() {}

  static ChannelOption option(ChannelSender sender) {
    return new ChannelOption(
        Channel.SIGNAL,
        ctx ->
            new ChannelAdapter() {
              @Override
              public Channel channel() {
                return Channel.SIGNAL;
              }

              @Override
              public RoutesBuilder routes() {
                return new RouteBuilder() {
                  @Override
                  public void configure() {}
                };
              }

              @Override
              public ChannelSender sender() {
                return sender;
              }
            });
  }
}
