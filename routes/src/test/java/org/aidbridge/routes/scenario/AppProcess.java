package org.aidbridge.routes.scenario;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application jar run as operators run it, {@code java -jar aidbridge.jar run}, in a process of
 * its own, configured only through {@code AIDBRIDGE_*} environment variables. Each start gets a new
 * log file next to the database, so a failed run can be read afterwards.
 */
final class AppProcess {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path jar;
  private final Path launcher; // null: java -jar the jar; else this script, as ./aidbridge run
  private final Path dir;
  private final Map<String, String> environment;
  private final String name;
  private Process process;
  private int healthPort;
  private int starts;

  /**
   * @param jar the shaded application jar
   * @param dir the working directory (holds no config file, so the jar's defaults apply)
   * @param environment the settings, as {@code AIDBRIDGE_*} variables
   */
  AppProcess(Path jar, Path dir, Map<String, String> environment) {
    this(jar, dir, environment, "aidbridge");
  }

  /**
   * @param name the start of its log files' names, {@code name-run-N.log}: one per process when
   *     several share a directory
   */
  AppProcess(Path jar, Path dir, Map<String, String> environment, String name) {
    this(jar, null, dir, environment, name);
  }

  private AppProcess(
      Path jar, Path launcher, Path dir, Map<String, String> environment, String name) {
    this.jar = jar;
    this.launcher = launcher;
    this.dir = dir;
    this.environment = Map.copyOf(environment);
    this.name = name;
  }

  /**
   * Runs {@code launcher run} (the {@code ./aidbridge} script of a checkout, which runs its jar)
   * instead of the jar itself, with the launcher's own options.
   */
  static AppProcess throughLauncher(
      Path launcher, Path dir, Map<String, String> environment, String name) {
    return new AppProcess(null, launcher, dir, environment, name);
  }

  /** The jar the package phase built; failsafe names it in {@code aidbridge.jar}. */
  static Path builtJar() {
    Path jar = Path.of(System.getProperty("aidbridge.jar", "target/aidbridge.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar.toAbsolutePath()
              + " is missing: run through `mvn verify` (the package phase builds it)");
    }
    return jar;
  }

  /**
   * Settings for runs of which only the start matters: {@code database}, and email (the one channel
   * configured) against closed ports, as no mail server runs.
   */
  static Map<String, String> startOnly(Path database) {
    return Map.of(
        "AIDBRIDGE_DB", database.toString(),
        "AIDBRIDGE_IMAP_URL", "imap://127.0.0.1:1",
        "AIDBRIDGE_SMTP_URL", "smtp://127.0.0.1:1",
        "AIDBRIDGE_EMAIL_ADDRESS", "aid@localhost",
        "AIDBRIDGE_EMAIL_PASSWORD", "unused");
  }

  /** The log of its {@code run}th start so far, empty before that start. */
  String log(int run) throws IOException {
    Path file = dir.resolve(name + "-run-" + run + ".log");
    return Files.isRegularFile(file) ? Files.readString(file) : "";
  }

  /** Waits (a minute at most) until the log of its {@code run}th start holds {@code line}. */
  void awaitLog(int run, String line) {
    await().atMost(Duration.ofSeconds(60)).until(() -> log(run).contains(line));
  }

  /** Starts the jar and waits until its health endpoint answers (the routes then run). */
  void start() throws IOException {
    healthPort = freePort();
    Path log = dir.resolve(name + "-run-" + (++starts) + ".log");
    List<String> command =
        launcher != null
            ? List.of("bash", launcher.toAbsolutePath().toString(), "run")
            : List.of(javaCommand(), "-Xmx256m", "-jar", jar.toAbsolutePath().toString(), "run");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("AIDBRIDGE_")); // only what this test sets
    env.putAll(environment);
    env.put("AIDBRIDGE_HTTP_PORT", Integer.toString(healthPort));
    process = builder.start();
    await()
        .dontCatchUncaughtExceptions() // the killed process's connections end in the servers'
        // threads
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(100))
        .failFast("the application exited; see " + log, () -> !process.isAlive())
        .until(this::answersHealth);
  }

  /**
   * Kills the process without warning. On Linux {@link Process#destroyForcibly()} sends SIGKILL: no
   * shutdown hook, no finally block, no flush runs, exactly like a power cut of the JVM.
   */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the killed application did not end");
    }
  }

  /** Asks the process to stop (SIGTERM) and waits for its orderly shutdown. */
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  int healthPort() {
    return healthPort;
  }

  /** Its name, as in its log files. */
  String name() {
    return name;
  }

  /** Whether it runs (it was started and neither killed nor stopped since). */
  boolean alive() {
    return process != null && process.isAlive();
  }

  /** {@code GET /health}'s body, or null while it does not answer. */
  String health() {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + "/health"))
              .timeout(Duration.ofSeconds(2))
              .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private boolean answersHealth() {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + "/health"))
              .timeout(Duration.ofSeconds(2))
              .build();
      HTTP.send(request, HttpResponse.BodyHandlers.discarding());
      return true; // 200 or 503: either way the application is up and its routes started
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The java that runs this test, so the jar runs on the same runtime. */
  private static String javaCommand() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
