package org.aidbridge.routes.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.aidbridge.bot.outbox.Backoff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against the fake daemon: what the real one cannot show offline. */
class SignalRpcClientIT {
  private static final String BOT = "+15550001111";
  private static final Backoff QUICK = new Backoff(Duration.ofMillis(50), Duration.ofMillis(300));

  private FakeSignalDaemon daemon;
  private SignalRpcClient client;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<String> read = new CopyOnWriteArrayList<>();
  // While not zero, the listener holds each notification handed to it (a store that is slow).
  private volatile CountDownLatch hold = new CountDownLatch(0);

  @BeforeEach
  void start() throws IOException {
    daemon = FakeSignalDaemon.startTcp().withAccount(BOT);
  }

  @AfterEach
  void stop() throws IOException {
    if (client != null) {
      client.close();
    }
    daemon.close();
  }

  private SignalRpcClient connect(SignalEndpoint endpoint, Duration timeout) {
    client =
        new SignalRpcClient(
            endpoint,
            BOT,
            timeout,
            QUICK,
            new SignalRpcClient.Listener() {
              @Override
              public void onRead(String method, JsonNode params) {
                read.add(params.path("envelope").path("timestamp").asText());
              }

              @Override
              public void onNotification(String method, JsonNode params) {
                received.add(params.path("envelope").path("timestamp").asText());
                try {
                  hold.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }

              @Override
              public void onConnected(SignalRpcClient c) {
                events.add("connected");
              }
            });
    client.start();
    await().atMost(Duration.ofSeconds(5)).until(client::isConnected);
    return client;
  }

  @Test
  void notificationsArriveInOrderBetweenAnswers() {
    connect(daemon.endpoint(), Duration.ofSeconds(5));

    daemon.push(SignalFixtures.receiveParams("receive-direct.json"));
    assertThat(client.version()).isEqualTo("0.13.19");
    daemon.push(SignalFixtures.receiveParams("receive-group-command.json"));
    assertThat(SignalRpcClient.await(client.requestForAccount("listGroups", null))).hasSize(2);

    await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);
    assertThat(received).containsExactly("1745372301011", "1745372410000");
  }

  @Test
  void anAnswerIsNotHeldBackByNotificationsBeingKept() {
    hold = new CountDownLatch(1);
    connect(daemon.endpoint(), Duration.ofSeconds(2));

    daemon.push(SignalFixtures.receiveParams("receive-direct.json"));
    daemon.push(SignalFixtures.receiveParams("receive-group-command.json"));
    await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);

    // The first is being kept (slowly): the second is read and written down all the same, and an
    // answer (to a send, it would be) comes at once, not after them.
    await().atMost(Duration.ofSeconds(5)).until(() -> read.size() == 2);
    assertThat(client.version()).isEqualTo("0.13.19");
    assertThat(received).hasSize(1);

    hold.countDown();
    await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);
    assertThat(received).containsExactly("1745372301011", "1745372410000");
  }

  @Test
  void whatWasReadBeforeAStopIsStillHandedOverBeforeTheStopReturns() throws Exception {
    hold = new CountDownLatch(1);
    connect(daemon.endpoint(), Duration.ofSeconds(5));
    daemon.push(SignalFixtures.receiveParams("receive-direct.json"));
    daemon.push(SignalFixtures.receiveParams("receive-group-command.json"));
    await().atMost(Duration.ofSeconds(5)).until(() -> read.size() == 2 && received.size() == 1);

    CompletableFuture<Void> stopped = CompletableFuture.runAsync(client::stop);
    await().atMost(Duration.ofSeconds(5)).until(() -> !client.isConnected());
    assertThat(stopped).isNotDone();

    hold.countDown();
    stopped.get(5, TimeUnit.SECONDS);
    assertThat(received).containsExactly("1745372301011", "1745372410000");
  }

  @Test
  void accountIsNamedInAccountRequestsOnly() {
    connect(daemon.endpoint(), Duration.ofSeconds(5));

    client.version();
    SignalRpcClient.await(client.requestForAccount("listGroups", null));

    List<JsonNode> requests = daemon.requests();
    assertThat(requests.get(0).has("params")).isFalse();
    assertThat(requests.get(1).path("params").path("account").asText()).isEqualTo(BOT);
  }

  @Test
  void unansweredRequestTimesOut() {
    connect(daemon.endpoint(), Duration.ofMillis(300));
    daemon.silent(true);

    assertThatThrownBy(client::version)
        .isInstanceOfSatisfying(
            SignalRpcException.class,
            e -> assertThat(e.code()).isEqualTo(SignalRpcException.TIMEOUT));
  }

  @Test
  void pendingRequestFailsWhenTheDaemonGoesAwayAndTheClientComesBack() {
    connect(daemon.endpoint(), Duration.ofSeconds(30));
    daemon.silent(true);
    CompletableFuture<JsonNode> pending = client.request("version", null);
    await().atMost(Duration.ofSeconds(5)).until(() -> daemon.requests().size() == 1);

    daemon.dropConnections();

    assertThatThrownBy(() -> SignalRpcClient.await(pending))
        .isInstanceOfSatisfying(
            SignalRpcException.class,
            e -> assertThat(e.code()).isEqualTo(SignalRpcException.DISCONNECTED));
    daemon.silent(false);
    await()
        .atMost(Duration.ofSeconds(5))
        .ignoreExceptions()
        .until(() -> "0.13.19".equals(client.version()));
    assertThat(daemon.acceptedConnections()).isEqualTo(2);
    assertThat(events).containsExactly("connected", "connected");
  }

  @Test
  void requestWhileDisconnectedFailsAtOnce() throws IOException {
    connect(daemon.endpoint(), Duration.ofSeconds(30));
    daemon.stop();
    await().atMost(Duration.ofSeconds(5)).until(() -> !client.isConnected());

    assertThatThrownBy(client::version)
        .isInstanceOfSatisfying(
            SignalRpcException.class,
            e -> assertThat(e.code()).isEqualTo(SignalRpcException.DISCONNECTED));
  }

  @Test
  void messagesPushedWhileDisconnectedArriveAfterTheReconnection() throws IOException {
    connect(daemon.endpoint(), Duration.ofSeconds(5));
    daemon.stop();
    await().atMost(Duration.ofSeconds(5)).until(() -> !client.isConnected());

    daemon.push(SignalFixtures.receiveParams("receive-direct.json"));
    daemon.start();

    await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
    assertThat(received).containsExactly("1745372301011");
  }

  @Test
  void worksOverAUnixSocket(@TempDir Path dir) throws IOException {
    Path socket = dir.resolve("signal-cli.sock");
    try (FakeSignalDaemon unixDaemon = FakeSignalDaemon.startUnix(socket)) {
      assertThat(Files.exists(socket)).isTrue();
      connect(SignalEndpoint.parse("unix:" + socket), Duration.ofSeconds(5));

      assertThat(client.version()).isEqualTo("0.13.19");
      unixDaemon.push(SignalFixtures.receiveParams("receive-direct.json"));
      await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
    }
  }
}
