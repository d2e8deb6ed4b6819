package org.aidbridge.bot;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** The processor time of the calling thread, for the log lines that say where a start went. */
public final class ThreadCpu {
  private ThreadCpu() {}

  /** Milliseconds of processor time this thread used so far, or -1 where the JVM cannot say. */
  public static long millis() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return threads.isCurrentThreadCpuTimeSupported()
        ? threads.getCurrentThreadCpuTime() / 1_000_000
        : -1;
  }
}
