package org.aidbridge.bot.service;

import java.util.List;
import java.util.Optional;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.OutboundMessage;

/**
 * What the {@link Responder} asks of the listings' life while a conversation goes on: answers to
 * "still needed?" and to "forget everything?", and the {@code forget} command itself.
 */
public final class Lifecycle {
  private final Renewals renewals;
  private final Forgetting forgetting;

  public Lifecycle(Renewals renewals, Forgetting forgetting) {
    this.renewals = renewals;
    this.forgetting = forgetting;
  }

  /**
   * Takes the message as an answer to one of these questions, before it is read as a command or a
   * listing. Any message ends a waiting "forget everything?" question.
   *
   * @return the replies, or empty when it answers neither
   */
  public Optional<List<OutboundMessage>> answer(InboundMessage message, String text) {
    Optional<List<OutboundMessage>> forgot = forgetting.answer(message, text);
    return forgot.isPresent() ? forgot : renewals.answer(message, text);
  }

  /** {@code forget [confirm]}. */
  public List<OutboundMessage> forget(InboundMessage message, String args, String language) {
    return forgetting.command(message, args, language);
  }
}
