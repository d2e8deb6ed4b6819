package org.aidbridge.routes.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The time since this process was launched, for the log lines that say where the start went (the
 * JVM's own start and the loading of classes come before the first of them).
 *
 * <p>On Linux the process's age is read from {@code /proc}: its start and the machine's uptime are
 * both counted from boot there, to a hundredth of a second. {@code ProcessHandle}'s start instant
 * adds the boot time, which Linux gives only in whole seconds: the start lines then read up to a
 * second late (0.5 to 0.7 s on the machine of BENCHMARKS.md). Elsewhere that instant is used.
 */
public final class Launch {
  /**
   * Clock ticks per second in {@code /proc} ({@code USER_HZ}, {@code getconf CLK_TCK}): 100 on the
   * architectures the JDK runs on with Linux; Java cannot ask for it without native code.
   */
  private static final long TICKS_PER_SECOND = 100;

  private static final long LAUNCHED = launchedAt();

  private Launch() {}

  /** Milliseconds since the process was launched (to a hundredth of a second on Linux). */
  public static long millis() {
    return System.currentTimeMillis() - LAUNCHED;
  }

  private static long launchedAt() {
    long now = System.currentTimeMillis();
    OptionalLong age = procAge(Path.of("/proc/self/stat"), Path.of("/proc/uptime"));
    if (age.isPresent()) {
      return now - age.getAsLong();
    }
    return ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(now);
  }

  private static OptionalLong procAge(Path stat, Path uptime) {
    try {
      return ageMillis(Files.readString(stat), Files.readString(uptime));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty(); // not Linux, or /proc not mounted
    }
  }

  /**
   * A process's age in milliseconds from its {@code /proc/<pid>/stat} line and {@code
   * /proc/uptime}; empty when they do not read as proc(5) describes.
   */
  static OptionalLong ageMillis(String stat, String uptime) {
    // The command's name (field 2) is in parentheses and may hold spaces and parentheses itself:
    // the fields after it start after the last ')'. The start is field 22, in clock ticks.
    int nameEnd = stat.lastIndexOf(')');
    if (nameEnd < 0) {
      return OptionalLong.empty();
    }
    String[] fields = stat.substring(nameEnd + 1).trim().split(" ");
    String[] uptimes = uptime.trim().split(" ");
    if (fields.length < 20 || uptimes.length < 1) {
      return OptionalLong.empty();
    }
    long startTicks = Long.parseLong(fields[22 - 3]);
    long uptimeMillis = Math.round(Double.parseDouble(uptimes[0]) * 1000);
    long age = uptimeMillis - startTicks * 1000 / TICKS_PER_SECOND;
    return age < 0 ? OptionalLong.empty() : OptionalLong.of(age);
  }
}
