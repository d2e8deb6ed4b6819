package org.aidbridge.bot.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.aidbridge.bot.BuildChecksum;
import org.aidbridge.bot.KeptFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite's native library kept beside the jar, so that the driver loads it from there. Left to
 * itself the driver unpacks the library from its jar into the temporary directory at every start,
 * compares it with what is there, and runs {@code uname} in a process of its own to tell Android
 * from Linux: about half a second of a processor before the first connection, on the thread that
 * starts the bot. The copy is made once, from the driver's own jar entry, in a directory named by
 * the driver's version ({@code <jar>.sqlite-<version>/}); the driver's properties {@code
 * org.sqlite.lib.path} and {@code org.sqlite.lib.name} then name it. Should the copy not load (a
 * directory carried to another kind of machine), the driver unpacks its own as before. Run from a
 * directory of classes (tests), beside a jar it cannot write, or when those properties are set
 * already, nothing changes.
 */
final class SqliteNativeLibrary {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);
  static final String PATH_PROPERTY = "org.sqlite.lib.path";
  static final String NAME_PROPERTY = "org.sqlite.lib.name";
  private static final String NAME = System.mapLibraryName("sqlitejdbc");

  private SqliteNativeLibrary() {}

  /** Points the driver at the kept copy, making it first if need be; before the driver loads. */
  static void preferKeptCopy() {
    if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
      return; // the operator chose
    }
    Optional<Path> kept =
        BuildChecksum.jar()
            .flatMap(
                jar ->
                    keptCopy(
                        jar,
                        org.sqlite.SQLiteJDBCLoader.getVersion(),
                        org.sqlite.util.OSInfo::getNativeLibFolderPathForCurrentOS));
    kept.ifPresent(
        library -> {
          System.setProperty(PATH_PROPERTY, library.getParent().toString());
          System.setProperty(NAME_PROPERTY, library.getFileName().toString());
        });
  }

  /**
   * The library kept beside {@code jar} for driver {@code version}, copied there first from the
   * driver's jar entry for this machine ({@code folder}: asked only then) when it is not there yet;
   * empty when it cannot be.
   */
  static Optional<Path> keptCopy(Path jar, String version, Supplier<String> folder) {
    Path library = jar.resolveSibling(jar.getFileName() + ".sqlite-" + version).resolve(NAME);
    if (Files.isRegularFile(library)) {
      return Optional.of(library);
    }
    String resource = "/org/sqlite/native/" + folder.get() + "/" + NAME;
    try (InputStream in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty(); // the driver has none for this machine: it says so itself
      }
      Files.createDirectories(library.getParent());
      KeptFiles.replace(library, in.readAllBytes());
      return Optional.of(library);
    } catch (IOException | RuntimeException e) {
      LOG.debug("SQLite's native library was not kept beside the jar", e);
      return Optional.empty();
    }
  }
}
