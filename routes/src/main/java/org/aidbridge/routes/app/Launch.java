package org.aidbridge.routes.app;

import java.time.Instant;

/**
 * The time since this process was launched, for the log lines that say where the start went (the
 * JVM's own start and the loading of classes come before the first of them).
 */
public final class Launch {
  private static final long LAUNCHED =
      ProcessHandle.current()
          .info()
          .startInstant()
          .map(Instant::toEpochMilli)
          .orElseGet(System::currentTimeMillis);

  private Launch() {}

  /** Milliseconds since the process was launched (to the operating system's 10 ms or so). */
  public static long millis() {
    return System.currentTimeMillis() - LAUNCHED;
  }
}
