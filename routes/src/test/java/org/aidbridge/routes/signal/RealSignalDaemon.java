package org.aidbridge.routes.signal;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real signal-cli daemon for tests: installed by {@code scripts/install-signal-cli.sh}, run on
 * the Java 21+ found by {@code scripts/find-java21.sh}, in multi-account mode with an empty config
 * directory, listening on a free port of 127.0.0.1.
 */
final class RealSignalDaemon implements AutoCloseable {
  static final Duration STARTUP = Duration.ofSeconds(90);

  private final Path launcher;
  private final Path javaHome;
  private final Path workDir;
  private final Path configDir;
  private final Path log;
  private final int port;
  private Process process;

  private RealSignalDaemon(Path launcher, Path javaHome, Path workDir, int port) {
    this.launcher = launcher;
    this.javaHome = javaHome;
    this.workDir = workDir;
    this.configDir = workDir.resolve("config");
    this.log = workDir.resolve("daemon.log");
    this.port = port;
  }

  static RealSignalDaemon start() throws IOException, InterruptedException {
    Path scripts = scriptsDir();
    Path launcher = Path.of(runScript(scripts.resolve("install-signal-cli.sh")));
    Path javaHome = Path.of(runScript(scripts.resolve("find-java21.sh")));
    Path workDir = Files.createTempDirectory("signal-cli-it");
    RealSignalDaemon daemon = new RealSignalDaemon(launcher, javaHome, workDir, freePort());
    daemon.launch();
    return daemon;
  }

  SignalEndpoint endpoint() {
    return SignalEndpoint.tcp("127.0.0.1", port);
  }

  /** Kills the daemon (its whole process tree) and starts it again on the same port. */
  void restart() throws IOException {
    kill();
    launch();
  }

  /** Stops the daemon and deletes its config directory and log. */
  @Override
  public void close() {
    kill();
    try (var paths = Files.walk(workDir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }

  private void launch() throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
            launcher.toString(),
            "--config",
            configDir.toString(),
            "daemon",
            "--tcp",
            "127.0.0.1:" + port,
            "--receive-mode",
            "on-connection");
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    process = builder.start();
    await()
        .atMost(STARTUP)
        .pollInterval(Duration.ofMillis(200))
        .failFast(
            "signal-cli exited early",
            () -> {
              if (!process.isAlive()) {
                throw new AssertionError(tail(log));
              }
            })
        .until(this::listening);
  }

  private boolean listening() {
    try (Socket probe = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void kill() {
    if (process == null) {
      return;
    }
    List<ProcessHandle> tree = process.descendants().toList();
    tree.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.onExit().join();
    tree.forEach(p -> p.onExit().join());
    process = null;
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  /** Runs one of the project's scripts; its last output line is the answer. */
  private static String runScript(Path script) throws IOException, InterruptedException {
    Path errors = Files.createTempFile("aidbridge-script", ".err");
    Process run =
        new ProcessBuilder("bash", script.toString())
            .redirectError(ProcessBuilder.Redirect.to(errors.toFile()))
            .start();
    String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    int exit = run.waitFor();
    String err = Files.readString(errors).strip();
    Files.deleteIfExists(errors);
    if (exit != 0) {
      throw new IllegalStateException(script.getFileName() + " failed: " + err);
    }
    String[] lines = out.split("\n");
    return lines[lines.length - 1].strip();
  }

  private static Path scriptsDir() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("scripts/install-signal-cli.sh"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "scripts/install-signal-cli.sh not found above the working dir");
    }
    return dir.resolve("scripts");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
