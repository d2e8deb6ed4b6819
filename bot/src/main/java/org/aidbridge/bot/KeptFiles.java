package org.aidbridge.bot;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files the bot keeps for its next start (the match index's snapshot, the kind gate's model). */
public final class KeptFiles {
  /** What a file being written is called until it is whole: {@code <file>.new.<pid>}. */
  public static final String NEW = ".new.";

  private KeptFiles() {}

  /**
   * Puts {@code bytes} in {@code file} whole or not at all: written to a new file first, one per
   * process (two instances stopping at once never write into the same one), then moved in place.
   */
  public static void replace(Path file, byte[] bytes) throws IOException {
    Path fresh = file.resolveSibling(file.getFileName() + NEW + ProcessHandle.current().pid());
    Files.write(fresh, bytes);
    try {
      Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
