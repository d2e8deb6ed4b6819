package org.aidbridge.routes.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.aidbridge.bot.outbox.Backoff;
import org.junit.jupiter.api.Test;

class SignalEndpointTest {

  @Test
  void tcpEndpointNamesHostAndPort() {
    var address = (InetSocketAddress) SignalEndpoint.parse("tcp://127.0.0.1:7583").address();

    assertThat(address.getHostString()).isEqualTo("127.0.0.1");
    assertThat(address.getPort()).isEqualTo(7583);
  }

  @Test
  void unixEndpointNamesTheSocketPath() {
    var address =
        (UnixDomainSocketAddress) SignalEndpoint.parse("unix:/run/signal-cli/socket").address();

    assertThat(address.getPath()).isEqualTo(Path.of("/run/signal-cli/socket"));
  }

  @Test
  void anythingElseIsRefusedWithTheFormsThatWork() {
    assertThatThrownBy(() -> SignalEndpoint.parse("localhost:7583"))
        .hasMessageContaining("tcp://host:port or unix:/path/to/socket");
    assertThatThrownBy(() -> SignalEndpoint.parse("tcp://127.0.0.1"))
        .hasMessageContaining("tcp://host:port");
  }

  @Test
  void reconnectBackoffDoublesUpToItsBound() {
    Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1));

    assertThat(backoff.delay(0)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.delay(2)).isEqualTo(Duration.ofMillis(800));
    assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delay(500)).isEqualTo(Duration.ofSeconds(1));
  }
}
