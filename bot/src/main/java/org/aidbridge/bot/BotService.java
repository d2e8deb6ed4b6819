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
   * is ignored. Once the message is stored this does not fail: if handling it fails, it stays in
   * the inbox and {@link #resumePending} tries it again later.
   *
   * @return the messages queued in the outbox because of it, empty for a duplicate, for chatter, or
   *     when handling it was put off
   * @throws org.aidbridge.bot.store.StoreException when the message could not even be stored (the
   *     channel must keep it and try again)
   */
  List<OutboundMessage> handle(InboundMessage message);

  /**
   * Stores several messages that arrived together (one commit, on disk before this goes on), then
   * handles them in one transaction: their effects, outbox entries and "processed" marks commit
   * together, so one sync of the disk serves them all. Messages already handled are ignored.
   *
   * @return the messages queued in the outbox because of them
   */
  default List<OutboundMessage> handleAll(List<InboundMessage> messages) {
    return handleAll(messages, () -> {});
  }

  /**
   * As {@link #handleAll(List)}, and {@code withStoring} (store writes, such as dropping the raw
   * payloads the messages were read from) runs inside the commit that stores the messages: both are
   * on disk together, or, when storing fails (and this throws), neither is. One commit fewer per
   * batch than dropping them afterwards.
   */
  List<OutboundMessage> handleAll(List<InboundMessage> messages, Runnable withStoring);

  /**
   * Handles stored messages not yet acted on whose time has come: those a crash left, and those
   * whose handling failed and is due again. Called at startup and then every few seconds; never
   * throws (a failing store is tried again on the next call).
   *
   * @return how many were attempted
   */
  int resumePending();

  /**
   * A channel that keeps copies of what people sent outside the store (the mails in an IMAP folder)
   * registers here, so that forgetting a person erases those too.
   */
  void register(ChannelCopies copies);
}
