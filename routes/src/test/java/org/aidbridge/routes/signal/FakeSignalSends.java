package org.aidbridge.routes.signal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How {@link FakeSignalDaemon} answers {@code send}: as scripted, else with success; and what it
 * was asked to send. Answers are the recorded {@code send-*.json} fixtures.
 */
final class FakeSignalSends {

  /** How a {@code send} is answered. */
  enum SendAnswer {
    SUCCESS("send-success.json"),
    RATE_LIMIT("send-rate-limit-error.json"),
    CAPTCHA("send-captcha-error.json"),
    UNREGISTERED("send-unregistered-error.json"),
    NETWORK_FAILURE("send-network-failure-error.json");

    final String fixture;

    SendAnswer(String fixture) {
      this.fixture = fixture;
    }
  }

  private final Deque<SendAnswer> script = new ArrayDeque<>();
  private final List<JsonNode> sends = new CopyOnWriteArrayList<>();
  private final AtomicLong timestamps = new AtomicLong(System.currentTimeMillis());
  private volatile long retryAfterSeconds = 2;

  synchronized void answerNext(List<SendAnswer> answers) {
    script.addAll(answers);
  }

  void retryAfterSeconds(long seconds) {
    retryAfterSeconds = seconds;
  }

  /**
   * Every {@code send}'s params in order, with what the fake did: {@code fake.delivered}, {@code
   * fake.timestamp} (the answered timestamp) and {@code fake.receivedAtMillis}.
   */
  List<JsonNode> all() {
    return List.copyOf(sends);
  }

  List<JsonNode> delivered() {
    return sends.stream().filter(s -> s.path("fake.delivered").asBoolean()).toList();
  }

  /** The answer ({@code result} or {@code error}) to one send. */
  JsonNode answer(ObjectNode params) {
    SendAnswer answer;
    synchronized (this) {
      answer = script.isEmpty() ? SendAnswer.SUCCESS : script.poll();
    }
    long timestamp = timestamps.incrementAndGet();
    JsonNode recipients = params.path("recipient");
    String recipient =
        recipients.isArray() ? recipients.path(0).asText(null) : recipients.asText(null);
    boolean uuid = recipient != null && !recipient.startsWith("+");
    JsonNode answered =
        SignalFixtures.json(
            answer.fixture,
            Map.of(
                "timestamp", String.valueOf(timestamp),
                "uuid", uuid ? recipient : "00000000-0000-4000-8000-000000000000",
                "number", SignalFixtures.quoted(uuid ? null : recipient),
                "groupId", SignalFixtures.quoted(params.path("groupId").asText(null)),
                "retryAfter", String.valueOf(retryAfterSeconds)));
    ObjectNode recorded = params.deepCopy();
    recorded.put("fake.delivered", answer == SendAnswer.SUCCESS);
    recorded.put("fake.timestamp", String.valueOf(timestamp));
    recorded.put("fake.receivedAtMillis", System.currentTimeMillis());
    sends.add(recorded);
    return answered;
  }
}
