package org.aidbridge.routes.app;

import java.time.Duration;
import java.util.List;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.ChannelCopies;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.OutboundMessage;

/** The bot, counted: each message in per channel, and how long handling it took. */
final class MeteredBotService implements BotService {
  private final BotService bot;
  private final AppMetrics metrics;

  MeteredBotService(BotService bot, AppMetrics metrics) {
    this.bot = bot;
    this.metrics = metrics;
  }

  @Override
  public List<OutboundMessage> handle(InboundMessage message) {
    metrics.messageIn(message.channel());
    return metrics.handling(message.channel()).record(() -> bot.handle(message));
  }

  @Override
  public List<OutboundMessage> handleAll(List<InboundMessage> messages) {
    return metered(messages, () -> bot.handleAll(messages));
  }

  @Override
  public List<OutboundMessage> handleAll(List<InboundMessage> messages, Runnable withStoring) {
    return metered(messages, () -> bot.handleAll(messages, withStoring));
  }

  private List<OutboundMessage> metered(
      List<InboundMessage> messages, java.util.function.Supplier<List<OutboundMessage>> handling) {
    messages.forEach(m -> metrics.messageIn(m.channel()));
    long start = System.nanoTime();
    List<OutboundMessage> out = handling.get();
    // Each message's answers are in the outbox when the batch commits: the batch's time is each
    // one's, and the timer still counts messages.
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    messages.forEach(m -> metrics.handling(m.channel()).record(took));
    return out;
  }

  @Override
  public int resumePending() {
    return bot.resumePending();
  }

  @Override
  public void register(ChannelCopies copies) {
    bot.register(copies);
  }
}
