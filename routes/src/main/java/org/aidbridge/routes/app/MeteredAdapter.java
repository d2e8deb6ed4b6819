package org.aidbridge.routes.app;

import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.outbox.ChannelSender;
import org.apache.camel.RoutesBuilder;

/** A channel adapter whose sender is counted ({@link MeteredSender}); the rest is its own. */
final class MeteredAdapter implements ChannelAdapter {
  private final ChannelAdapter adapter;
  private final MeteredSender sender;

  MeteredAdapter(ChannelAdapter adapter, AppMetrics metrics, ChannelHealth health) {
    this.adapter = adapter;
    Channel channel = adapter.channel();
    // Email's sending is SMTP, which /health names as such.
    String probe = channel == Channel.EMAIL ? "smtp" : "sending";
    this.sender = new MeteredSender(adapter.sender(), health.probe(channel, probe, true));
  }

  @Override
  public Channel channel() {
    return adapter.channel();
  }

  @Override
  public RoutesBuilder routes() {
    return adapter.routes();
  }

  @Override
  public ChannelSender sender() {
    return sender;
  }

  @Override
  public void standBy() {
    adapter.standBy();
  }

  @Override
  public void startReceiving() {
    adapter.startReceiving();
  }

  @Override
  public void stopReceiving() {
    adapter.stopReceiving();
  }

  @Override
  public boolean sendsOnlyWhileReceiving() {
    return adapter.sendsOnlyWhileReceiving();
  }

  @Override
  public void close() {
    adapter.close();
  }
}
