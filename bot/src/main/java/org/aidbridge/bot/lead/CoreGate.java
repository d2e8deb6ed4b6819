package org.aidbridge.bot.lead;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.ChannelCopies;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.store.Store;

/**
 * The bot as one of several instances runs it. A channel may be led by an instance that does not
 * lead the core: there a message is only stored (the inbox's first step, before the channel
 * confirms it), and the instance leading the core handles it from the store with {@link
 * #resumePending}. So matching and the rest of the core's work happen on one instance at a time,
 * against its own fresh match index.
 */
public final class CoreGate implements BotService {
  private final BotService bot;
  private final Store store;
  private final BooleanSupplier leadsCore;

  /**
   * @param leadsCore whether this instance does the core's work now (it leads the core and its
   *     match index has been read again since it gained it)
   */
  public CoreGate(BotService bot, Store store, BooleanSupplier leadsCore) {
    this.bot = bot;
    this.store = store;
    this.leadsCore = leadsCore;
  }

  @Override
  public List<OutboundMessage> handle(InboundMessage message) {
    if (leadsCore.getAsBoolean()) {
      return bot.handle(message);
    }
    store.recordInbound(message);
    return List.of();
  }

  @Override
  public List<OutboundMessage> handleAll(List<InboundMessage> messages, Runnable withStoring) {
    if (leadsCore.getAsBoolean()) {
      return bot.handleAll(messages, withStoring);
    }
    store.recordInbound(messages, withStoring);
    return List.of();
  }

  @Override
  public int resumePending() {
    return leadsCore.getAsBoolean() ? bot.resumePending() : 0;
  }

  @Override
  public void register(ChannelCopies copies) {
    bot.register(copies);
  }
}
