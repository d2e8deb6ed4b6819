package org.aidbridge.routes.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Choice;
import org.aidbridge.bot.model.OutboundMessage;
import org.junit.jupiter.api.Test;

class SignalSenderTest {
  private static final String ROSA = "7ccae375-cd51-4c82-8b1e-7be3280aa485";
  private final SignalSender sender = new SignalSender(null, null, null, null, "+15550001111");

  @Test
  void personIsAddressedAsRecipientAndGroupByGroupId() {
    ObjectNode direct =
        sender.params(OutboundMessage.to(Address.person(Channel.SIGNAL, ROSA), "hi", "en"));
    ObjectNode group =
        sender.params(
            OutboundMessage.to(
                Address.group(Channel.SIGNAL, "sb3/B9ivar+24qa83boax="), "hi", "en"));

    assertThat(direct.get("recipient").get(0).asText()).isEqualTo(ROSA);
    assertThat(direct.has("groupId")).isFalse();
    assertThat(group.get("groupId").asText()).isEqualTo("sb3/B9ivar+24qa83boax=");
    assertThat(group.has("recipient")).isFalse();
  }

  @Test
  void answerToSomeonesMessageQuotesItWithItsAuthor() {
    ObjectNode params =
        sender.params(
            OutboundMessage.to(Address.person(Channel.SIGNAL, ROSA), "Noted", "en")
                .inReplyTo(ROSA + ":1745372301011"));

    assertThat(params.get("quoteTimestamp").asLong()).isEqualTo(1745372301011L);
    assertThat(params.get("quoteAuthor").asText()).isEqualTo(ROSA);
  }

  @Test
  void answerToTheBotsOwnMessageQuotesItAsTheBots() {
    ObjectNode params =
        sender.params(
            OutboundMessage.to(Address.person(Channel.SIGNAL, ROSA), "Noted", "en")
                .inReplyTo("1745372301999"));

    assertThat(params.get("quoteTimestamp").asLong()).isEqualTo(1745372301999L);
    assertThat(params.get("quoteAuthor").asText()).isEqualTo("+15550001111");
  }

  @Test
  void choicesBecomeLinesSayingWhatToSend() {
    OutboundMessage message =
        OutboundMessage.to(Address.person(Channel.SIGNAL, ROSA), "Which kind of help?", "en")
            .withChoices(
                List.of(new Choice("Medicine", "medicine"), new Choice("A ride", "transport")));

    assertThat(SignalSender.textWithChoices(message))
        .isEqualTo("Which kind of help?\n\n• medicine\n• A ride: transport");
  }
}
