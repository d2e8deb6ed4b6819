package org.aidbridge.routes.email;

import org.aidbridge.routes.app.ChannelProbe;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;

/**
 * Tells the IMAP probe of {@code /health} how each poll of the mailbox went: Camel's own polling
 * behaviour, watched. A poll that read the folder (with or without new mail) is a success; one that
 * could not connect, log in or open the folder is a failure.
 */
final class ImapPollHealth extends DefaultPollingConsumerPollStrategy {
  private final ChannelProbe imap;

  ImapPollHealth(ChannelProbe imap) {
    this.imap = imap;
  }

  @Override
  public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
    imap.up();
    super.commit(consumer, endpoint, polledMessages);
  }

  @Override
  public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause)
      throws Exception {
    imap.down("poll failed: " + cause.getClass().getSimpleName());
    return super.rollback(consumer, endpoint, retryCounter, cause);
  }
}
