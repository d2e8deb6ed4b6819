package org.aidbridge.routes.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server that answers as the Telegram Bot API does, for the real TelegramBots client
 * to talk to. Paths are {@code /bot<TOKEN>/<method>} with method names in any case; answers are the
 * documented {@code {"ok":...}} envelopes, built from the payloads under {@code fixtures/telegram}.
 *
 * <p>{@code getUpdates} has Telegram's offset semantics: updates with an id below the offset are
 * confirmed and gone; with none left the request is held up to {@code timeout} seconds or until an
 * update is queued; a second concurrent getUpdates ends the first with 409, as Telegram does.
 * {@code sendMessage} answers with increasing message ids, and failures (429, 403, 400, 5xx) can be
 * queued for the next calls. With {@link #enforceLimits()} it also keeps Telegram's published
 * limits ({@link BotApiLimits}) and answers a message over them with 429 and {@code retry_after},
 * in the Bot API's own words. Every request is recorded with the time of the given clock.
 */
public final class FakeBotApi implements AutoCloseable {
  public static final String TOKEN = "123456:TEST-token";

  static {
    // The JDK server writes a response's headers and body apart; with Nagle's algorithm on, the
    // body then waits for the client's delayed ACK, 40 ms a request, which Telegram never costs.
    // Read once, when the first JDK HTTP server of the JVM starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  static final long BOT_ID = 7000001;
  static final String BOT_USERNAME = "AidBridgeBot";

  /** One request as received. */
  record Request(String method, JsonNode body, Instant at) {}

  /** One sendMessage that was answered with an error. */
  public record Refused(String chatId, int errorCode, Instant at) {}

  /** One sendMessage that was answered ok. */
  public record Sent(String chatId, int messageId, String text, JsonNode body, Instant at) {}

  private final Clock clock;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(FakeBotApi::daemon);
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final List<Refused> refused = new CopyOnWriteArrayList<>();
  private final Deque<ObjectNode> sendFailures = new ArrayDeque<>();
  private final Map<String, String> memberStatus = new ConcurrentHashMap<>();
  private final List<ObjectNode> pending = new ArrayList<>();
  private int nextUpdateId = 900_000;
  private int nextMessageId = 1;
  private int chatMemberFailures;
  private final java.util.concurrent.atomic.AtomicInteger pollsInFlight =
      new java.util.concurrent.atomic.AtomicInteger();
  private long pollGeneration;
  private BotApiLimits limits; // null: no limits enforced

  public FakeBotApi(Clock clock) throws IOException {
    this.clock = clock;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::answer);
    server.start();
  }

  FakeBotApi() throws IOException {
    this(Clock.systemUTC());
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  // --- what tests queue and inject ---

  /** Queues an update, giving it the next update id; returns that id. */
  public synchronized int queue(ObjectNode update) {
    int id = nextUpdateId++;
    ObjectNode copy = update.deepCopy();
    copy.put("update_id", id);
    pending.add(copy);
    notifyAll();
    return id;
  }

  /**
   * Delivers an update again under its old id, as Telegram does with one that no getUpdates call
   * confirmed (the bot crashed before its offset moved past it).
   */
  synchronized void redeliver(ObjectNode update) {
    pending.add(update.deepCopy());
    pending.sort(java.util.Comparator.comparingLong(u -> u.path("update_id").asLong()));
    notifyAll();
  }

  /**
   * As Telegram does after a week without updates: the next update ids start again at {@code
   * first}, which may be far below the ids given so far.
   */
  synchronized void restartUpdateIdsAt(int first) {
    nextUpdateId = first;
  }

  /** The next {@code times} getChatMember calls fail with a 500 (Telegram having a bad moment). */
  synchronized void failChatMember(int times) {
    chatMemberFailures += times;
  }

  /** The next {@code times} sendMessage calls fail with this Bot API error (a fixture). */
  synchronized void failSends(int times, String errorFixture) {
    for (int i = 0; i < times; i++) {
      sendFailures.add(Fixtures.json(errorFixture));
    }
  }

  /** From now on, sendMessage over Telegram's limits is answered 429 with retry_after. */
  public synchronized void enforceLimits() {
    limits = new BotApiLimits();
  }

  /** What getChatMember answers for this person in this chat (default: member). */
  public void setStatus(long chatId, long userId, String status) {
    memberStatus.put(chatId + "/" + userId, status);
  }

  // --- what tests read ---

  List<Request> requests(String method) {
    return requests.stream()
        .filter(r -> r.method().equals(method.toLowerCase(Locale.ROOT)))
        .toList();
  }

  public List<Sent> sent() {
    return List.copyOf(sent);
  }

  public List<Refused> refused() {
    return List.copyOf(refused);
  }

  List<Sent> sentTo(long chatId) {
    return sent.stream().filter(s -> s.chatId().equals(Long.toString(chatId))).toList();
  }

  /** Updates not yet confirmed by an offset above their id. */
  public synchronized int unconfirmed() {
    return pending.size();
  }

  // --- the protocol ---

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String[] path = exchange.getRequestURI().getPath().split("/");
      if (path.length != 3 || !path[1].equals("bot" + TOKEN)) {
        reply(exchange, 401, error(401, "Unauthorized"));
        return;
      }
      String method = path[2].toLowerCase(Locale.ROOT);
      byte[] raw = exchange.getRequestBody().readAllBytes();
      JsonNode body =
          raw.length == 0 ? Fixtures.JSON.createObjectNode() : Fixtures.JSON.readTree(raw);
      requests.add(new Request(method, body, clock.instant()));
      ObjectNode result = dispatch(method, body);
      int status = result.path("ok").asBoolean() ? 200 : result.path("error_code").asInt(500);
      reply(exchange, status, result);
    }
  }

  private ObjectNode dispatch(String method, JsonNode body) {
    return switch (method) {
      case "deletewebhook", "setmycommands", "answercallbackquery" ->
          ok(com.fasterxml.jackson.databind.node.BooleanNode.TRUE);
      case "getme" -> Fixtures.json("getMe.json");
      case "getupdates" -> getUpdates(body);
      case "sendmessage" -> sendMessage(body);
      case "getchatmember" -> chatMember(body);
      default -> error(404, "Not Found: method not found");
    };
  }

  /** getUpdates requests being answered or held right now. */
  int pollsInFlight() {
    return pollsInFlight.get();
  }

  private ObjectNode getUpdates(JsonNode body) {
    pollsInFlight.incrementAndGet();
    try {
      return heldGetUpdates(body);
    } finally {
      pollsInFlight.decrementAndGet();
    }
  }

  private ObjectNode heldGetUpdates(JsonNode body) {
    long offset = body.path("offset").asLong(0);
    int limit = body.path("limit").asInt(100);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(body.path("timeout").asInt(0));
    synchronized (this) {
      long generation = ++pollGeneration;
      notifyAll();
      pending.removeIf(u -> u.path("update_id").asLong() < offset);
      while (pending.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (generation != pollGeneration) {
          return error(
              409,
              "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
        }
        if (left <= 0) {
          break;
        }
        waitNanos(left);
        pending.removeIf(u -> u.path("update_id").asLong() < offset);
      }
      ArrayNode result = Fixtures.JSON.createArrayNode();
      pending.stream().limit(limit).forEach(u -> result.add(u.deepCopy()));
      return ok(result);
    }
  }

  private synchronized ObjectNode sendMessage(JsonNode body) {
    String chatId = body.path("chat_id").asText();
    if (!sendFailures.isEmpty()) {
      ObjectNode failure = sendFailures.removeFirst();
      refused.add(new Refused(chatId, failure.path("error_code").asInt(), clock.instant()));
      return failure;
    }
    if (limits != null) {
      var wait = limits.admit(chatId, clock.instant());
      if (wait.isPresent()) {
        refused.add(new Refused(chatId, 429, clock.instant()));
        return tooManyRequests(BotApiLimits.retryAfterSeconds(wait.get()));
      }
    }
    ObjectNode message = (ObjectNode) Fixtures.json("send-message-result.json").get("result");
    int messageId = nextMessageId++;
    Instant now = clock.instant();
    message.put("message_id", messageId);
    message.put("date", now.getEpochSecond());
    message.put("text", body.path("text").asText());
    ObjectNode chat = message.putObject("chat");
    chat.put("id", Long.parseLong(chatId));
    chat.put("type", chatId.startsWith("-") ? "supergroup" : "private");
    if (body.has("reply_markup")) {
      message.set("reply_markup", body.get("reply_markup"));
    }
    sent.add(new Sent(chatId, messageId, body.path("text").asText(), body, now));
    return ok(message);
  }

  private ObjectNode chatMember(JsonNode body) {
    synchronized (this) {
      if (chatMemberFailures > 0) {
        chatMemberFailures--;
        return error(500, "Internal Server Error");
      }
    }
    String key = body.path("chat_id").asText() + "/" + body.path("user_id").asText();
    String status = memberStatus.getOrDefault(key, "member");
    ObjectNode answer =
        Set.of("administrator", "creator").contains(status)
            ? Fixtures.json("chat-member-administrator.json")
            : Fixtures.json("chat-member-member.json");
    ObjectNode result = (ObjectNode) answer.get("result");
    result.put("status", status);
    ((ObjectNode) result.get("user")).put("id", body.path("user_id").asLong());
    return answer;
  }

  /**
   * As the Bot API words it: {@code "Too Many Requests: retry after 5"}, parameters.retry_after.
   */
  private static ObjectNode tooManyRequests(int seconds) {
    ObjectNode node = error(429, "Too Many Requests: retry after " + seconds);
    node.putObject("parameters").put("retry_after", seconds);
    return node;
  }

  private static ObjectNode ok(JsonNode result) {
    ObjectNode node = Fixtures.JSON.createObjectNode();
    node.put("ok", true);
    node.set("result", result);
    return node;
  }

  private static ObjectNode error(int code, String description) {
    ObjectNode node = Fixtures.JSON.createObjectNode();
    node.put("ok", false);
    node.put("error_code", code);
    node.put("description", description);
    return node;
  }

  private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = Fixtures.JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void waitNanos(long nanos) {
    try {
      TimeUnit.NANOSECONDS.timedWait(this, nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "fake-bot-api");
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    synchronized (this) {
      pollGeneration++;
      notifyAll();
    }
    server.stop(0);
    threads.shutdownNow();
  }
}
