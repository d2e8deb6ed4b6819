package org.aidbridge.routes.signal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The requests sent to the daemon and not answered yet, by JSON-RPC id. */
final class PendingRequests {
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
  private final Map<Long, java.util.function.Consumer<JsonNode>> onResult =
      new ConcurrentHashMap<>();

  long nextId() {
    return ids.incrementAndGet();
  }

  /** The answer to request {@code id}; it fails with a timeout when none comes in time. */
  CompletableFuture<JsonNode> register(long id, Duration timeout) {
    return register(id, timeout, null);
  }

  /**
   * As {@link #register(long, Duration)}; {@code whenResult}, if not null, gets a successful result
   * on the reading thread the instant it is read, before the waiting thread is woken.
   */
  CompletableFuture<JsonNode> register(
      long id, Duration timeout, java.util.function.Consumer<JsonNode> whenResult) {
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    waiting.put(id, answer);
    if (whenResult != null) {
      onResult.put(id, whenResult);
    }
    answer.whenComplete(
        (result, error) -> {
          waiting.remove(id);
          onResult.remove(id);
        });
    return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Completes the request a response answers: with its {@code result}, or failed with a {@link
   * SignalRpcException} for an {@code error}.
   *
   * @return false when no pending request has the response's id
   */
  boolean complete(JsonNode response) {
    JsonNode id = response.path("id");
    CompletableFuture<JsonNode> answer = id.canConvertToLong() ? waiting.get(id.asLong()) : null;
    if (answer == null) {
      return false;
    }
    JsonNode error = response.get("error");
    if (error != null && !error.isNull()) {
      answer.completeExceptionally(
          new SignalRpcException(
              error.path("code").asInt(), error.path("message").asText(), error.get("data")));
    } else {
      java.util.function.Consumer<JsonNode> first = onResult.remove(id.asLong());
      if (first != null) {
        try {
          first.accept(response.path("result"));
        } catch (RuntimeException e) {
          // Only the head start is lost: the waiting thread still gets the answer below.
          org.slf4j.LoggerFactory.getLogger(PendingRequests.class)
              .debug("handling an answer on the reading thread failed", e);
        }
      }
      answer.complete(response.path("result"));
    }
    return true;
  }

  /** Fails every pending request, as when the connection is lost under them. */
  void failAll(SignalRpcException reason) {
    waiting.values().forEach(answer -> answer.completeExceptionally(reason));
  }
}
