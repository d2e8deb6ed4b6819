package org.aidbridge.routes.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.aidbridge.bot.outbox.Backoff;
import org.junit.jupiter.api.Test;

/**
 * What AidBridge relies on from a signal-cli daemon in multi-account mode with no account. Run
 * against the real signal-cli 0.13.19 ({@link SignalDaemonContractIT}) and against the fake ({@link
 * SignalFakeDaemonContractIT}), so the fake cannot drift from the real thing.
 */
interface SignalDaemonContract {
  String UNKNOWN_ACCOUNT = "+15550001111";
  Backoff QUICK_RECONNECT = new Backoff(Duration.ofMillis(50), Duration.ofMillis(500));

  SignalEndpoint endpoint();

  /** Kills the daemon and starts it again on the same endpoint; returns once it listens. */
  void restartDaemon() throws Exception;

  /** How long a (re)start may take: the real daemon needs seconds. */
  Duration startupTime();

  private SignalRpcClient connectedClient(String account) {
    SignalRpcClient client =
        new SignalRpcClient(
            endpoint(), account, Duration.ofSeconds(10), QUICK_RECONNECT, (method, params) -> {});
    client.start();
    await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
    return client;
  }

  @Test
  default void versionIsTheInstalledSignalCli() {
    try (SignalRpcClient client = connectedClient(null)) {
      assertThat(client.version()).isEqualTo("0.13.19");
    }
  }

  @Test
  default void listAccountsIsEmptyWithAnEmptyConfigDirectory() {
    try (SignalRpcClient client = connectedClient(null)) {
      JsonNode accounts = SignalRpcClient.await(client.request("listAccounts", null));
      assertThat(accounts.isArray()).isTrue();
      assertThat(accounts).isEmpty();
    }
  }

  @Test
  default void aRequestForAnUnknownAccountFailsWithInvalidParams() {
    try (SignalRpcClient client = connectedClient(UNKNOWN_ACCOUNT)) {
      var params = SignalRpcClient.JSON.createObjectNode().put("message", "hi");
      params.putArray("recipient").add("+15550002222");
      assertThatThrownBy(() -> SignalRpcClient.await(client.requestForAccount("send", params)))
          .isInstanceOfSatisfying(
              SignalRpcException.class,
              e -> {
                assertThat(e.code()).isEqualTo(SignalRpcException.INVALID_PARAMS);
                assertThat(e.getMessage()).isEqualTo("Specified account does not exist");
              });
    }
  }

  @Test
  default void anUnknownMethodFailsWithMethodNotFound() {
    try (SignalRpcClient client = connectedClient(null)) {
      assertThatThrownBy(() -> SignalRpcClient.await(client.request("bogus", null)))
          .isInstanceOfSatisfying(
              SignalRpcException.class,
              e -> assertThat(e.code()).isEqualTo(SignalRpcException.METHOD_NOT_FOUND));
    }
  }

  @Test
  default void malformedRequestsAreAnsweredWithJsonRpcErrors() throws IOException {
    List<JsonNode> answers =
        exchangeRaw(List.of("notjson", "{\"method\":\"version\",\"id\":8}", "[]"), 3);
    assertThat(answers.get(0).path("error").path("code").asInt()).isEqualTo(-32700);
    assertThat(answers.get(0).path("id").isNull()).isTrue();
    assertThat(answers.get(1).path("error").path("code").asInt()).isEqualTo(-32600);
    assertThat(answers.get(1).path("id").asInt()).isEqualTo(8);
    assertThat(answers.get(2).path("error").path("code").asInt()).isEqualTo(-32600);
  }

  @Test
  default void theClientReconnectsByItselfWhenTheDaemonIsRestarted() throws Exception {
    try (SignalRpcClient client = connectedClient(null)) {
      assertThat(client.version()).isEqualTo("0.13.19");
      restartDaemon();
      await()
          .atMost(startupTime().plusSeconds(10))
          .pollInterval(Duration.ofMillis(100))
          .ignoreExceptions()
          .until(() -> "0.13.19".equals(client.version()));
    }
  }

  /** Writes raw lines on a fresh TCP connection and reads {@code expected} answer lines. */
  private List<JsonNode> exchangeRaw(List<String> lines, int expected) throws IOException {
    InetSocketAddress address = (InetSocketAddress) endpoint().address();
    try (Socket socket = new Socket(address.getHostString(), address.getPort())) {
      socket.setSoTimeout(10_000);
      Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
      for (String line : lines) {
        out.write(line + "\n");
      }
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      List<JsonNode> answers = new ArrayList<>();
      while (answers.size() < expected) {
        answers.add(SignalRpcClient.JSON.readTree(in.readLine()));
      }
      return answers;
    }
  }
}
