package org.aidbridge.routes.signal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.aidbridge.bot.model.InboundMessage;

/**
 * From a {@code receive} notification to the message the core handles: the envelope translated, and
 * for a group message addressed to the bot, whether its sender administers the group (group
 * commands need that; chatter does not cost a request).
 */
final class SignalInbound {
  private final SignalEnvelopeTranslator translator;
  private final SignalGroupAdmins admins;

  SignalInbound(SignalEnvelopeTranslator translator, SignalGroupAdmins admins) {
    this.translator = translator;
    this.admins = admins;
  }

  Optional<InboundMessage> toInbound(JsonNode receiveParams) {
    return translator.translate(receiveParams).map(this::withAdminFlag);
  }

  private InboundMessage withAdminFlag(InboundMessage m) {
    if (!m.inGroup() || !m.addressedToBot()) {
      return m;
    }
    boolean admin = admins.isAdmin(m.group().id(), m.sender().id());
    return new InboundMessage(
        m.channel(),
        m.channelMessageId(),
        m.sender(),
        m.group(),
        m.text(),
        m.subject(),
        m.languageHint(),
        m.replyTo(),
        true,
        admin,
        m.receivedAt());
  }
}
