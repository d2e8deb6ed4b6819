package org.aidbridge.routes.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Blocks until the process is asked to stop (Ctrl-C, SIGTERM), then lets the caller close what it
 * opened before the JVM exits: the shutdown hook waits for that.
 */
final class UntilStopped implements AutoCloseable {
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread hook =
      new Thread(
          () -> {
            stopRequested.countDown();
            try {
              closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          },
          "aidbridge-shutdown");

  UntilStopped() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  void await() throws InterruptedException {
    stopRequested.await();
  }

  /** Called once everything is closed: the JVM may exit now. */
  @Override
  public void close() {
    closed.countDown();
  }
}
