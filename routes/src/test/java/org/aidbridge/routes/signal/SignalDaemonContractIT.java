package org.aidbridge.routes.signal;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The daemon contract, against the real signal-cli 0.13.19 started in multi-account mode with an
 * empty config directory. The project's scripts install it and find a Java 21+ runtime for it.
 */
class SignalDaemonContractIT implements SignalDaemonContract {
  private static RealSignalDaemon daemon;

  @BeforeAll
  static void startRealDaemon() throws Exception {
    daemon = RealSignalDaemon.start();
  }

  @AfterAll
  static void stopRealDaemon() {
    if (daemon != null) {
      daemon.close();
    }
  }

  @Override
  public SignalEndpoint endpoint() {
    return daemon.endpoint();
  }

  @Override
  public void restartDaemon() throws Exception {
    daemon.restart();
  }

  @Override
  public Duration startupTime() {
    return RealSignalDaemon.STARTUP;
  }
}
