package org.aidbridge.routes.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class archive, through {@code ./aidbridge run} on a copy of a checkout's layout
 * (the script, its configuration, the built jar): the first run lists the classes it loads, the
 * second makes a static archive from the list before it starts, and that archive holds picocli's
 * Java 5 class files too, which an archive written at exit by JDK 17 leaves out.
 */
class LauncherClassArchiveIT {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void theFirstRunListsTheClassesAndTheSecondMakesTheArchiveThatHoldsThemAll() throws Exception {
    Path checkout = checkoutWithTheBuiltJar();
    Path target = checkout.resolve("routes/target");
    Path list = target.resolve("aidbridge.classes");
    Path archive = target.resolve("aidbridge.jsa");

    AppProcess first = launched(checkout, "first");
    first.start();
    first.stop();
    assertThat(list).isRegularFile().content().contains("picocli/CommandLine\n");
    assertThat(archive).doesNotExist();

    AppProcess second = launched(checkout, "second");
    second.start();
    second.stop();
    assertThat(second.log(1)).contains("making the class archive");
    assertThat(archive).isRegularFile();
    assertThat(Files.readString(dir.resolve("second-classes.log")))
        .as("picocli's classes come from the archive")
        .contains("picocli.CommandLine source: shared objects file");

    AppProcess third = launched(checkout, "third");
    third.start();
    third.stop();
    assertThat(third.log(1)).doesNotContain("making the class archive");
  }

  /**
   * The launcher, its configuration and a copy of the built jar, laid out as in a checkout. The jar
   * is copied last: the launcher rebuilds a jar older than its sources and configuration.
   */
  private Path checkoutWithTheBuiltJar() throws IOException {
    Path checkout = Files.createDirectories(dir.resolve("checkout"));
    Files.copy(REPOSITORY.resolve("aidbridge"), checkout.resolve("aidbridge"));
    Path config = Files.createDirectories(checkout.resolve("config"));
    for (String file : new String[] {"application.properties", "logback.xml"}) {
      Files.copy(REPOSITORY.resolve("config").resolve(file), config.resolve(file));
    }
    Path target = Files.createDirectories(checkout.resolve("routes/target"));
    Files.copy(AppProcess.builtJar(), target.resolve("aidbridge.jar"));
    return checkout;
  }

  /** A run through the launcher, logging where each class came from to {@code name-classes.log}. */
  private AppProcess launched(Path checkout, String name) {
    Map<String, String> environment = new HashMap<>(AppProcess.startOnly(dir.resolve("bot.db")));
    environment.put("JAVA_OPTS", "-Xlog:class+load:file=" + dir.resolve(name + "-classes.log"));
    return AppProcess.throughLauncher(checkout.resolve("aidbridge"), dir, environment, name);
  }
}
