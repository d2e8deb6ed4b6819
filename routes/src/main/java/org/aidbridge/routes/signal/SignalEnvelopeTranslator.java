package org.aidbridge.routes.signal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;

/**
 * Turns signal-cli {@code receive} notifications into the core's {@link InboundMessage}.
 *
 * <p>Only text messages count: a direct message, or a group message of type {@code DELIVER}, with a
 * non-null {@code dataMessage.message}; and a direct message bringing only {@code attachments} (a
 * photo, a file, a voice note), which the bot does not read but tells the person so. Typing,
 * receipts, sync messages (what the bot's own other devices sent), reactions, group updates, calls,
 * stories and edits are ignored. A sender is keyed on {@code sourceUuid} ({@code sourceNumber} is
 * null when the person hides their number), so the message id is {@code <sourceUuid>:<timestamp>}:
 * the same message delivered twice has the same id.
 */
public final class SignalEnvelopeTranslator {
  /** What Signal puts in the text where a mention is; the mention itself is in {@code mentions}. */
  static final char MENTION_PLACEHOLDER = '\uFFFC';

  private final String botNumber;
  private final Predicate<String> isBotMessage;

  /**
   * @param botNumber the bot's number, to recognise mentions and quotes of the bot; may be null
   * @param isBotMessage whether a timestamp is that of a message the bot sent (quotes carry it)
   */
  public SignalEnvelopeTranslator(String botNumber, Predicate<String> isBotMessage) {
    this.botNumber = botNumber == null || botNumber.isBlank() ? null : botNumber.trim();
    this.isBotMessage = isBotMessage;
  }

  /** The message in a {@code receive} notification's params, or empty when there is none. */
  public Optional<InboundMessage> translate(JsonNode params) {
    // manual receive mode wraps the payload: {"subscription":0,"result":{"envelope":...}}
    JsonNode payload = params.has("result") ? params.get("result") : params;
    String account = payload.path("account").asText(null);
    if (botNumber != null && account != null && !botNumber.equals(account)) {
      return Optional.empty(); // another account served by the same daemon
    }
    JsonNode envelope = payload.path("envelope");
    JsonNode data = envelope.path("dataMessage");
    String text = data.path("message").isTextual() ? data.get("message").asText() : null;
    boolean hasFile = data.path("attachments").size() > 0;
    if ((text == null && !hasFile)
        || data.hasNonNull("reaction")
        || data.hasNonNull("storyContext")) {
      return Optional.empty();
    }
    JsonNode groupInfo = data.path("groupInfo");
    if (!groupInfo.isMissingNode() && !"DELIVER".equals(groupInfo.path("type").asText("DELIVER"))) {
      return Optional.empty();
    }
    if (text == null && groupInfo.hasNonNull("groupId")) {
      return Optional.empty(); // a file alone in a group: nothing to read, nothing to say
    }
    Optional<Address> sender = sender(envelope);
    long timestamp = envelope.path("timestamp").asLong(data.path("timestamp").asLong(0));
    if (sender.isEmpty() || timestamp <= 0) {
      return Optional.empty();
    }
    Address group =
        groupInfo.hasNonNull("groupId")
            ? Address.group(Channel.SIGNAL, groupInfo.get("groupId").asText())
            : null;
    JsonNode quote = data.path("quote");
    String replyTo = quote.has("id") ? String.valueOf(quote.get("id").asLong()) : null;
    boolean mentionsBot = mentionsBot(data.path("mentions"));
    String cleanText = text == null ? "" : withoutMentionPlaceholders(text).strip();
    boolean addressed =
        group == null || mentionsBot || quotesBot(quote, replyTo) || cleanText.startsWith("/");
    InboundMessage message =
        new InboundMessage(
            Channel.SIGNAL,
            sender.get().id() + ":" + timestamp,
            sender.get(),
            group,
            cleanText,
            null,
            null,
            replyTo,
            addressed,
            false,
            receivedAt(envelope, timestamp));
    // Attachments are never read (size, safety): the person is told so.
    return Optional.of(hasFile ? message.withAttachmentSkipped() : message);
  }

  /**
   * Whether a stored {@code receive} notification was sent by the person with this id (their uuid,
   * or their number when they were known by it); false for one that cannot be read.
   */
  static boolean sentBy(String params, String personId) {
    try {
      JsonNode read = SignalRpcClient.JSON.readTree(params);
      JsonNode envelope = (read.has("result") ? read.get("result") : read).path("envelope");
      for (String field : new String[] {"sourceUuid", "sourceNumber", "source"}) {
        if (personId.equals(envelope.path(field).asText(null))) {
          return true;
        }
      }
      return false;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static Optional<Address> sender(JsonNode envelope) {
    String uuid = envelope.path("sourceUuid").asText(null);
    if (uuid != null && !uuid.isBlank()) {
      return Optional.of(Address.person(Channel.SIGNAL, uuid));
    }
    String number = envelope.path("sourceNumber").asText(envelope.path("source").asText(null));
    return number == null || number.isBlank()
        ? Optional.empty()
        : Optional.of(Address.person(Channel.SIGNAL, number));
  }

  private boolean mentionsBot(JsonNode mentions) {
    for (JsonNode mention : mentions) {
      if (botNumber != null && botNumber.equals(mention.path("number").asText(null))) {
        return true;
      }
    }
    return false;
  }

  private boolean quotesBot(JsonNode quote, String replyTo) {
    if (replyTo == null) {
      return false;
    }
    String author = quote.path("authorNumber").asText(quote.path("author").asText(null));
    return (botNumber != null && botNumber.equals(author)) || isBotMessage.test(replyTo);
  }

  /** Mentions are placeholders in the text; the core reads the words around them. */
  private static String withoutMentionPlaceholders(String text) {
    return text.replace(String.valueOf(MENTION_PLACEHOLDER), " ").replaceAll(" {2,}", " ");
  }

  private static Instant receivedAt(JsonNode envelope, long timestamp) {
    long server = envelope.path("serverReceivedTimestamp").asLong(0);
    return Instant.ofEpochMilli(server > 0 ? server : timestamp);
  }
}
