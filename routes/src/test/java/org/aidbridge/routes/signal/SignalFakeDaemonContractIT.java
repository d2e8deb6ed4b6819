package org.aidbridge.routes.signal;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The daemon contract, against the fake: it must answer as the real signal-cli does. */
class SignalFakeDaemonContractIT implements SignalDaemonContract {
  private FakeSignalDaemon daemon;

  @BeforeEach
  void startFake() throws IOException {
    daemon = FakeSignalDaemon.startTcp();
  }

  @AfterEach
  void stopFake() throws IOException {
    daemon.close();
  }

  @Override
  public SignalEndpoint endpoint() {
    return daemon.endpoint();
  }

  @Override
  public void restartDaemon() throws IOException {
    daemon.stop();
    daemon.start();
  }

  @Override
  public Duration startupTime() {
    return Duration.ofSeconds(2);
  }
}
