package org.aidbridge.bot;

import java.util.List;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.OutboundMessage;

/**
 * The one thing the channels call. It stores each inbound message before acting on it, decides what
 * to answer and whom to tell, and stores every outbound message in the outbox before any channel
 * sends it.
 */
public interface BotService {

  /**
   * Stores and handles one message. A message already handled (same channel and channel message id)
   * is ignored.
   *
   * @return the messages queued in the outbox because of it, empty for a duplicate or for chatter
   */
  List<OutboundMessage> handle(InboundMessage message);

  /**
   * Stores several messages that arrived together (one commit, on disk before this goes on), then
   * handles them in one transaction: their effects, outbox entries and "processed" marks commit
   * together, so one sync of the disk serves them all. Messages already handled are ignored.
   *
   * @return the messages queued in the outbox because of them
   */
  List<OutboundMessage> handleAll(List<InboundMessage> messages);

  /**
   * Handles messages that were stored but not acted on, as after a crash. Called at startup.
   *
   * @return how many were handled
   */
  int resumePending();
}
