package org.aidbridge.routes.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Choice;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.outbox.SendOutcome;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.OutboxStatus;
import org.aidbridge.bot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** The sender with the real TelegramBots client against the fake Bot API. */
class TelegramSenderIT {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final Address PERSON = Address.person(Channel.TELEGRAM, "42234");
  private static final Address GROUP = Address.group(Channel.TELEGRAM, "-4012345678");

  private final MutableClock clock = new MutableClock(T0);
  private final List<Address[]> moves = new ArrayList<>();
  // Every send written down, as "outbox-id message-id moment thread".
  private final List<String> written = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Thread sending = Thread.currentThread();
  private FakeBotApi api;
  private TelegramSender sender;

  @BeforeEach
  void start() throws Exception {
    api = new FakeBotApi(clock);
    TelegramSettings settings =
        new TelegramSettings(FakeBotApi.TOKEN, api.url(), null, Duration.ofSeconds(1));
    // As TelegramChannel builds it: each call runs on the thread that makes it.
    OkHttpTelegramClient client =
        new OkHttpTelegramClient(
            SendingHttp.client(Duration.ofSeconds(30)), FakeBotApi.TOKEN, settings.telegramUrl());
    sender =
        new TelegramSender(
            client,
            new RateLimiter(clock),
            clock,
            (from, to) -> moves.add(new Address[] {from, to}),
            (id, messageId, at) ->
                written.add(
                    id
                        + " "
                        + messageId
                        + " "
                        + at
                        + (Thread.currentThread() == sending ? " sending thread" : " other")));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static OutboxEntry entry(long id, OutboundMessage message, int attempts) {
    return new OutboxEntry(id, message, OutboxStatus.PENDING, T0, T0, attempts, null);
  }

  @Test
  void sentMessageIsKnownByChatAndMessageId() {
    SendOutcome outcome = sender.send(entry(1, OutboundMessage.to(PERSON, "Hello", "en"), 0));

    assertThat(outcome).isEqualTo(new SendOutcome.Sent("42234:1", T0));
    assertThat(api.sentTo(42234)).extracting(FakeBotApi.Sent::text).containsExactly("Hello");
  }

  @Test
  void aSendIsWrittenDownByTheThreadThatReadTelegramsAnswerWithNoHandOff() {
    SendOutcome outcome = sender.send(entry(1, OutboundMessage.to(PERSON, "Hello", "en"), 0));

    // Read, parsed and written down by the sending thread itself, before send returns: no other
    // thread has to be woken (and wait for a CPU) between Telegram taking it and the journal.
    assertThat(written).containsExactly("1 42234:1 " + T0 + " sending thread");
    assertThat(outcome).isEqualTo(new SendOutcome.Sent("42234:1", T0));
  }

  @Test
  void aRefusedOrFailedSendIsNotWrittenDown() {
    api.failSends(1, "error-403-blocked.json");
    api.failSends(1, "error-502.json");
    api.failSends(1, "error-429.json");

    for (int i = 1; i <= 3; i++) {
      assertThat(
              sender.send(
                  entry(
                      i,
                      OutboundMessage.to(
                          Address.person(Channel.TELEGRAM, Integer.toString(100 + i)), "Hi", "en"),
                      0)))
          .isNotInstanceOf(SendOutcome.Sent.class);
    }

    assertThat(written).isEmpty();
  }

  @Test
  void choicesBecomeButtonsAndAReplyInTheSameChatQuotesIt() {
    OutboundMessage question =
        OutboundMessage.to(PERSON, "What kind of help?", "en")
            .inReplyTo("42234:7")
            .withChoices(List.of(new Choice("Medicine", "medicine"), new Choice("Food", "food")));

    sender.send(entry(1, question, 0));

    var body = api.sentTo(42234).get(0).body();
    assertThat(body.at("/reply_parameters/message_id").asInt()).isEqualTo(7);
    assertThat(body.at("/reply_markup/inline_keyboard/0/0/callback_data").asText())
        .isEqualTo("medicine");
    assertThat(body.at("/reply_markup/inline_keyboard/0/1/text").asText()).isEqualTo("Food");
  }

  @Test
  void replyToAMessageInAnotherChatIsNotQuoted() {
    sender.send(entry(1, OutboundMessage.to(PERSON, "Hi", "en").inReplyTo("99:7"), 0));
    sender.send(entry(2, OutboundMessage.to(GROUP, "Hi", "en").inReplyTo("12345"), 0));

    assertThat(api.sent()).allSatisfy(s -> assertThat(s.body().has("reply_parameters")).isFalse());
  }

  @Test
  void after429NothingIsSentBeforeRetryAfterThenTheMessageGoes() {
    api.failSends(1, "error-429.json");
    OutboxEntry e = entry(1, OutboundMessage.to(PERSON, "Hello", "en"), 0);

    SendOutcome first = sender.send(e);
    clock.advance(Duration.ofMillis(4_999));
    SendOutcome early = sender.send(e);
    SendOutcome earlyElsewhere =
        sender.send(entry(2, OutboundMessage.to(GROUP, "Hi group", "en"), 0));
    clock.advance(Duration.ofMillis(1));
    SendOutcome onTime = sender.send(e);

    assertThat(first)
        .isEqualTo(
            new SendOutcome.Deferred(T0.plusSeconds(5), true, true, "Telegram asked to wait 5 s"));
    assertThat(early).isInstanceOf(SendOutcome.Deferred.class);
    assertThat(earlyElsewhere).isInstanceOf(SendOutcome.Deferred.class);
    assertThat(onTime).isInstanceOf(SendOutcome.Sent.class);
    List<FakeBotApi.Request> attempts = api.requests("sendMessage");
    assertThat(attempts).hasSize(2);
    assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void kickedOrBlockedIsUnreachable() {
    api.failSends(1, "error-403-kicked.json");
    api.failSends(1, "error-403-blocked.json");

    assertThat(sender.send(entry(1, OutboundMessage.to(GROUP, "Hi", "en"), 0)))
        .isEqualTo(new SendOutcome.Unreachable("Forbidden: bot was kicked from the group chat"));
    assertThat(sender.send(entry(2, OutboundMessage.to(PERSON, "Hi", "en"), 0)))
        .isEqualTo(new SendOutcome.Unreachable("Forbidden: bot was blocked by the user"));
  }

  @Test
  void chatNotFoundIsRejected() {
    api.failSends(1, "error-400-chat-not-found.json");

    assertThat(sender.send(entry(1, OutboundMessage.to(PERSON, "Hi", "en"), 0)))
        .isEqualTo(new SendOutcome.Rejected("Bad Request: chat not found"));
  }

  @Test
  void emptyTextIsRejectedWithoutAskingTelegram() {
    assertThat(sender.send(entry(1, OutboundMessage.to(PERSON, "", "en"), 0)))
        .isInstanceOf(SendOutcome.Rejected.class);
    assertThat(api.requests("sendMessage")).isEmpty();
  }

  @Test
  void groupUpgradedToSupergroupMovesAndTheMessageGoesToTheNewChat() {
    api.failSends(1, "error-400-migrated.json");
    OutboxEntry e = entry(1, OutboundMessage.to(GROUP, "Hi group", "en"), 0);

    SendOutcome first = sender.send(e);
    clock.advance(Duration.ofSeconds(1));
    SendOutcome second = sender.send(e);

    assertThat(first).isInstanceOf(SendOutcome.Deferred.class);
    assertThat(((SendOutcome.Deferred) first).notBefore()).isEqualTo(T0);
    assertThat(moves).hasSize(1);
    assertThat(moves.get(0)[0]).isEqualTo(GROUP);
    assertThat(moves.get(0)[1]).isEqualTo(Address.group(Channel.TELEGRAM, "-1002233445566"));
    assertThat(second).isEqualTo(new SendOutcome.Sent("-1002233445566:1", T0.plusSeconds(1)));
  }

  @Test
  void serverErrorIsAFailureOfTelegramAsAWhole() {
    api.failSends(1, "error-502.json");

    SendOutcome outcome = sender.send(entry(1, OutboundMessage.to(PERSON, "Hi", "en"), 0));

    assertThat(outcome).isEqualTo(new SendOutcome.Failed("Bad Gateway", true));
  }

  @Test
  void aRevokedTokenIsOurConfiguration() {
    TelegramSender wrongToken =
        new TelegramSender(
            new OkHttpTelegramClient(
                "999:revoked",
                new TelegramSettings("999:revoked", api.url(), null, Duration.ofSeconds(1))
                    .telegramUrl()),
            new RateLimiter(clock),
            clock,
            (from, to) -> {});

    assertThat(wrongToken.send(entry(1, OutboundMessage.to(PERSON, "Hi", "en"), 0)))
        .isInstanceOfSatisfying(
            SendOutcome.Misconfigured.class, m -> assertThat(m.reason()).contains("401"));
  }

  @Test
  void unreachableServerIsRetriedLater() {
    api.close();

    SendOutcome outcome = sender.send(entry(1, OutboundMessage.to(PERSON, "Hi", "en"), 1));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SendOutcome.Failed.class, f -> assertThat(f.wholeChannel()).isTrue());
  }

  @Test
  void textOver4096CharactersGoesAsSeveralMessagesInOrderWithinTheChatLimit() {
    String paragraph = "blankets and tents ".repeat(150).strip();
    String text = String.join("\n\n", paragraph, paragraph, paragraph, paragraph, "the end");
    OutboxEntry e =
        entry(
            1,
            OutboundMessage.to(PERSON, text, "en").withChoices(List.of(new Choice("Done", "done"))),
            0);

    List<SendOutcome> outcomes = new ArrayList<>();
    SendOutcome outcome = sender.send(e);
    outcomes.add(outcome);
    while (outcome instanceof SendOutcome.Deferred retry) {
      clock.set(retry.notBefore());
      outcome = sender.send(e);
      outcomes.add(outcome);
    }

    List<FakeBotApi.Sent> parts = api.sentTo(42234);
    assertThat(parts).hasSizeGreaterThan(1);
    assertThat(parts).allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(4096));
    assertThat(String.join("\n\n", parts.stream().map(FakeBotApi.Sent::text).toList()))
        .isEqualTo(text);
    String lastId = "42234:" + parts.get(parts.size() - 1).messageId();
    assertThat(outcome).isEqualTo(new SendOutcome.Sent(lastId, clock.instant()));
    // Only the last part's answer says the entry was sent.
    assertThat(written).containsExactly("1 " + lastId + " " + clock.instant() + " sending thread");
    assertThat(outcomes).hasSize(parts.size());
    assertThat(parts.get(parts.size() - 1).body().has("reply_markup")).isTrue();
    assertThat(parts.get(0).body().has("reply_markup")).isFalse();
    for (int i = 1; i < parts.size(); i++) {
      assertThat(Duration.between(parts.get(i - 1).at(), parts.get(i).at()))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
    assertThat(sender.halfSent()).isEmpty();
  }

  @Test
  void aRestartInTheMiddleOfALongTextGoesOnWithTheNextPartInsteadOfTheFirst() {
    String paragraph = "blankets and tents ".repeat(150).strip();
    String text = String.join("\n\n", paragraph, paragraph, paragraph);
    OutboxEntry e = entry(7, OutboundMessage.to(PERSON, text, "en"), 0);
    try (var store = org.aidbridge.bot.store.SqliteStore.open(":memory:")) {
      SendOutcome first = durableSender(store).send(e);
      assertThat(first).isInstanceOf(SendOutcome.Deferred.class);
      assertThat(api.sentTo(42234)).hasSize(1);

      // The process dies; a new one, with the same store, picks the entry up again.
      clock.set(((SendOutcome.Deferred) first).notBefore());
      TelegramSender restarted = durableSender(store);
      SendOutcome outcome = restarted.send(e);
      while (outcome instanceof SendOutcome.Deferred retry) {
        clock.set(retry.notBefore());
        outcome = restarted.send(e);
      }

      List<FakeBotApi.Sent> parts = api.sentTo(42234);
      assertThat(parts).hasSize(TextSplitter.split(text, TextSplitter.TELEGRAM_LIMIT).size());
      assertThat(String.join("\n\n", parts.stream().map(FakeBotApi.Sent::text).toList()))
          .isEqualTo(text);
      assertThat(store.state("telegram.parts.7")).isEmpty();
    }
  }

  private TelegramSender durableSender(org.aidbridge.bot.store.Store store) {
    TelegramSettings settings =
        new TelegramSettings(FakeBotApi.TOKEN, api.url(), null, Duration.ofSeconds(1));
    return new TelegramSender(
        new OkHttpTelegramClient(FakeBotApi.TOKEN, settings.telegramUrl()),
        new RateLimiter(clock),
        clock,
        (from, to) -> {},
        store);
  }
}
