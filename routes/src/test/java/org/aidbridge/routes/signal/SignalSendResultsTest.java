package org.aidbridge.routes.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.aidbridge.bot.outbox.SendOutcome;
import org.junit.jupiter.api.Test;

class SignalSendResultsTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final Map<String, String> VALUES =
      Map.of(
          "timestamp", "1745372301011",
          "uuid", "7ccae375-cd51-4c82-8b1e-7be3280aa485",
          "number", "\"+15550002222\"",
          "groupId", "null",
          "groupIdText", "sb3/B9ivar+24qa83boax=",
          "retryAfter", "90");

  private static JsonNode answer(String fixture) {
    return SignalFixtures.json(fixture, VALUES);
  }

  private static SignalSendResults.Mapped fromError(String fixture) {
    JsonNode error = answer(fixture).get("error");
    SignalRpcException e =
        new SignalRpcException(
            error.get("code").asInt(), error.get("message").asText(), error.get("data"));
    return SignalSendResults.fromError(e, NOW);
  }

  @Test
  void successIsSentUnderTheSendTimestamp() {
    var mapped = SignalSendResults.fromResult(answer("send-success.json").get("result"), NOW);

    assertThat(mapped.outcome()).isEqualTo(new SendOutcome.Sent("1745372301011"));
    assertThat(mapped.captcha()).isFalse();
  }

  @Test
  void groupSendThatReachedSomeMembersIsSent() {
    var mapped = SignalSendResults.fromResult(answer("send-group-partial.json").get("result"), NOW);

    assertThat(mapped.outcome()).isEqualTo(new SendOutcome.Sent("1745372301011"));
  }

  @Test
  void rateLimitErrorPausesTheWholeChannelForRetryAfter() {
    var mapped = fromError("send-rate-limit-error.json");

    assertThat(mapped.outcome())
        .isInstanceOfSatisfying(
            SendOutcome.Deferred.class,
            r -> {
              assertThat(r.notBefore()).isEqualTo(NOW.plusSeconds(90));
              assertThat(r.wholeChannel()).isTrue();
              assertThat(r.byPlatform()).isTrue();
            });
    assertThat(mapped.captcha()).isFalse();
  }

  @Test
  void rateLimitWithoutRetryAfterPausesForTheDefault() {
    var e = new SignalRpcException(-5, "Failed to send message due to rate limiting");
    var mapped = SignalSendResults.fromError(e, NOW);

    assertThat(((SendOutcome.Deferred) mapped.outcome()).notBefore())
        .isEqualTo(NOW.plus(SignalSendResults.DEFAULT_RATE_LIMIT_PAUSE));
  }

  @Test
  void rateLimitFailureInAResultPausesTheWholeChannel() {
    JsonNode results = answer("send-rate-limit-error.json").at("/error/data/response");
    var mapped = SignalSendResults.fromResult(results, NOW);

    assertThat(mapped.outcome())
        .isEqualTo(
            new SendOutcome.Deferred(NOW.plusSeconds(90), true, true, "rate limited by Signal"));
  }

  @Test
  void proofRequiredChallengePausesForAnHourAndCarriesTheToken() {
    var mapped = fromError("send-captcha-error.json");

    assertThat(mapped.captchaToken()).isEqualTo("e5a4c0b2-7d3f-4a65-9b1e-2c8d7f6a5b43");
    assertThat(mapped.outcome())
        .isEqualTo(
            new SendOutcome.Deferred(
                NOW.plus(SignalSendResults.CAPTCHA_PAUSE),
                true,
                true,
                "Signal asks for a captcha"));
  }

  @Test
  void captchaErrorCodeAndCaptchaMessagesAreCaptchas() {
    var byCode = SignalSendResults.fromError(new SignalRpcException(-6, "Captcha rejected"), NOW);
    var byWords =
        SignalSendResults.fromError(new SignalRpcException(-1, "Proof required: captcha"), NOW);

    assertThat(byCode.captcha()).isTrue();
    assertThat(byWords.captcha()).isTrue();
    assertThat(((SendOutcome.Deferred) byWords.outcome()).wholeChannel()).isTrue();
  }

  @Test
  void unregisteredRecipientIsUnreachable() {
    var mapped = fromError("send-unregistered-error.json");

    assertThat(mapped.outcome()).isInstanceOf(SendOutcome.Unreachable.class);
  }

  @Test
  void networkFailureIsAFailureOfThisRecipientsSend() {
    var outcome = fromError("send-network-failure-error.json").outcome();

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SendOutcome.Failed.class, f -> assertThat(f.wholeChannel()).isFalse());
  }

  @Test
  void daemonAwayIsAFailureOfTheWholeChannel() {
    var e = new SignalRpcException(SignalRpcException.DISCONNECTED, "not connected to signal-cli");

    assertThat(SignalSendResults.fromError(e, NOW).outcome())
        .isEqualTo(new SendOutcome.Failed("signal-cli: not connected to signal-cli", true));
  }

  @Test
  void unknownAccountIsOurConfigurationAndKeepsMessagesQueued() {
    JsonNode error = SignalFixtures.json("error-unknown-account.json").get("error");
    var e = new SignalRpcException(error.get("code").asInt(), error.get("message").asText());

    assertThat(SignalSendResults.fromError(e, NOW).outcome())
        .isInstanceOf(SendOutcome.Misconfigured.class);
  }

  @Test
  void requestTheDaemonCannotUnderstandIsRejected() {
    var e = new SignalRpcException(-32601, "Method not implemented");

    assertThat(SignalSendResults.fromError(e, NOW).outcome())
        .isInstanceOf(SendOutcome.Rejected.class);
  }

  @Test
  void unknownGroupIsUnreachable() {
    var e = new SignalRpcException(-1, "Failed to send to group: Group not found");

    assertThat(SignalSendResults.fromError(e, NOW).outcome())
        .isInstanceOf(SendOutcome.Unreachable.class);
  }

  @Test
  void errorTextsLoseTheNumbersAndUuidsTheyName() {
    var e =
        new SignalRpcException(
            -1, "Unregistered user \"+15550002222\" (7ccae375-cd51-4c82-8b1e-7be3280aa485)");
    var outcome = (SendOutcome.Unreachable) SignalSendResults.fromError(e, NOW).outcome();

    assertThat(outcome.reason()).isEqualTo("Unregistered user \"<number>\" (<uuid>)");
  }
}
