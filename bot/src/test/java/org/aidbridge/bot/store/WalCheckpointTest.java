package org.aidbridge.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-ahead log is let grow to {@link SqliteConnector#WAL_AUTOCHECKPOINT_PAGES} pages before
 * it is copied into the database file, and no further: past that, commits checkpoint it and it
 * starts again from its beginning, so it stays bounded on disk.
 */
class WalCheckpointTest {
  @TempDir Path dir;

  @Test
  void theLogIsCheckpointedOnceItHoldsTheConfiguredPagesAndStaysBounded() throws Exception {
    Path file = dir.resolve("wal.db");
    try (Connection connection = SqliteConnector.connect(file.toString());
        Statement statement = connection.createStatement()) {
      try (ResultSet pages = statement.executeQuery("PRAGMA wal_autocheckpoint")) {
        assertThat(pages.next()).isTrue();
        assertThat(pages.getInt(1)).isEqualTo(SqliteConnector.WAL_AUTOCHECKPOINT_PAGES);
      }
      statement.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, bytes BLOB)");
      long logLimit = (SqliteConnector.WAL_AUTOCHECKPOINT_PAGES + 300L) * (4096 + 24);
      byte[] megabyte = new byte[1 << 20];
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO filler (bytes) VALUES (?)")) {
        // About one and a half times the limit, one commit of 257 pages each.
        int megabytes = (int) (logLimit * 3 / 2 / megabyte.length) + 1;
        for (int i = 0; i < megabytes; i++) {
          megabyte[0] = (byte) i;
          insert.setBytes(1, megabyte);
          insert.executeUpdate();
        }
      }
      Path wal = Path.of(file + "-wal");
      assertThat(Files.size(wal)).isLessThanOrEqualTo(logLimit);
      assertThat(Files.size(file)).as("copied into the database file").isGreaterThan(logLimit / 2);
    }
  }
}
