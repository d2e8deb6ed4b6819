package org.aidbridge.bot.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Flyway scripts as shipped, so that tests follow the schema's version instead of pinning it (a
 * new step is a new pair of scripts and no test edit).
 */
final class SchemaScripts {
  private SchemaScripts() {}

  /** The file names in {@code db/migration/<folder>}, sorted. */
  static List<String> names(String folder) {
    try {
      Path scripts = Path.of(SchemaScripts.class.getResource("/db/migration/" + folder).toURI());
      try (Stream<Path> files = Files.list(scripts)) {
        return files.map(f -> f.getFileName().toString()).sorted().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The highest step of the SQLite scripts: the version a fresh or upgraded file ends at. */
  static int latest() {
    return names("sqlite").stream()
        .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
        .max()
        .orElseThrow();
  }
}
