package org.aidbridge.routes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JVM options that keep {@code run} within its memory (BENCHMARKS.md) are written in three
 * places: the launcher {@code ./aidbridge}, the image's {@code JDK_JAVA_OPTIONS} and the README's
 * command without Docker. They must say the same, or one way of running the bot holds tens of MB
 * more than measured.
 */
class LaunchOptionsTest {
  private static final Path ROOT = repositoryRoot();

  @Test
  void theLauncherTheImageAndTheReadmeStartJavaWithTheSameMemoryOptions() throws IOException {
    List<String> launcher = launcherOptions();
    assertThat(launcher)
        .contains("-Xmx256m", "-XX:+UseSerialGC", "-XX:MaxNewSize=12m")
        .anyMatch(o -> o.startsWith("-XX:TrimNativeHeapInterval="));
    assertThat(imageOptions()).isEqualTo(launcher);
    assertThat(Files.readString(ROOT.resolve("README.md")))
        .contains("`java " + String.join(" ", launcher) + " -jar routes/target/aidbridge.jar run`");
  }

  /** The words of {@code heap=(...)} in the launcher, which may span lines. */
  private static List<String> launcherOptions() throws IOException {
    Matcher m =
        Pattern.compile("(?m)^heap=\\(([^)]*)\\)")
            .matcher(Files.readString(ROOT.resolve("aidbridge")));
    assertThat(m.find()).as("heap=(...) in ./aidbridge").isTrue();
    return words(m.group(1));
  }

  /** The value of {@code ENV JDK_JAVA_OPTIONS="..."} in the Dockerfile. */
  private static List<String> imageOptions() throws IOException {
    Matcher m =
        Pattern.compile("(?m)^ENV JDK_JAVA_OPTIONS=\"([^\"]*)\"")
            .matcher(Files.readString(ROOT.resolve("Dockerfile")));
    assertThat(m.find()).as("ENV JDK_JAVA_OPTIONS in the Dockerfile").isTrue();
    return words(m.group(1));
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.strip().split("\\s+")).toList();
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("Dockerfile"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("Dockerfile not found above the working directory");
    }
    return dir;
  }
}
