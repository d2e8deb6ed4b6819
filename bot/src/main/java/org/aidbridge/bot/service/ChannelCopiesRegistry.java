package org.aidbridge.bot.service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.aidbridge.bot.ChannelCopies;
import org.aidbridge.bot.model.Address;

/**
 * The channels that keep copies of what people sent, as they register when they start (after the
 * bot is built); forgetting asks each of them.
 */
public final class ChannelCopiesRegistry implements ChannelCopies {
  private final List<ChannelCopies> channels = new CopyOnWriteArrayList<>();

  public void register(ChannelCopies copies) {
    channels.add(copies);
  }

  @Override
  public void eraseFrom(Address sender) {
    channels.forEach(c -> c.eraseFrom(sender));
  }
}
