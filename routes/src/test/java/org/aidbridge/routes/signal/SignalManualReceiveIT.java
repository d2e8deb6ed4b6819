package org.aidbridge.routes.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code --receive-mode manual}, the channel asks for messages after each connection. */
class SignalManualReceiveIT {
  private static final String ROSA = "7ccae375-cd51-4c82-8b1e-7be3280aa485";

  @TempDir Path dir;

  @Test
  void messagesWaitingForASubscriptionAreHandledOnceSubscribedAgainAfterAReconnection()
      throws Exception {
    FakeSignalDaemon daemon =
        FakeSignalDaemon.startTcp().withAccount(SignalAppUnderTest.BOT).withManualReceive();
    daemon.push(SignalFixtures.receiveParams("receive-direct.json"));
    try (SignalAppUnderTest app =
        new SignalAppUnderTest(daemon, dir, Map.of("signal.receive.mode", "manual"))) {

      await().atMost(Duration.ofSeconds(10)).until(() -> repliesToRosa(daemon) == 1);

      daemon.dropConnections();
      daemon.push(SignalFixtures.receiveParams("receive-manual-mode.json").get("result"));
      await().atMost(Duration.ofSeconds(10)).until(() -> repliesToRosa(daemon) == 2);
      assertThat(
              daemon.requests().stream()
                  .filter(r -> r.path("method").asText().equals("subscribeReceive"))
                  .map(r -> r.path("params").path("account").asText()))
          .containsExactly(SignalAppUnderTest.BOT, SignalAppUnderTest.BOT);
    }
  }

  private static long repliesToRosa(FakeSignalDaemon daemon) {
    return daemon.deliveredSends().stream()
        .filter(s -> ROSA.equals(s.path("recipient").path(0).asText()))
        .count();
  }
}
