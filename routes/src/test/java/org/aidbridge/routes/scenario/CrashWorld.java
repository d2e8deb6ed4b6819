package org.aidbridge.routes.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.aidbridge.bot.store.DatabaseLogin;
import org.aidbridge.routes.scenario.CrashTraffic.Message;
import org.aidbridge.routes.signal.FakeSignalDaemon;
import org.aidbridge.routes.signal.SignalEnvelopes;
import org.aidbridge.routes.telegram.FakeBotApi;
import org.aidbridge.routes.telegram.Updates;

/**
 * Everything around the application process in the crash run: the three channels' servers, on the
 * wire, in this JVM (GreenMail for SMTP and IMAP, the fake Bot API, the fake signal-cli daemon in
 * {@code on-connection} receive mode), the people who write through them, and a read-only look at
 * the database to tell when the bot has finished.
 */
final class CrashWorld implements AutoCloseable, CrashTally.People {
  static final String BOT_MAIL = "aid@localhost";
  static final String BOT_MAIL_PASSWORD = "bot-mail-password";
  static final String BOT_SIGNAL = "+15550001111";

  private final AtomicLong signalTimestamps = new AtomicLong(System.currentTimeMillis());
  private final Map<Integer, Long> signalTimestampOf =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger telegramQueued =
      new java.util.concurrent.atomic.AtomicInteger();
  private final Path database;
  private final DatabaseLogin server; // null: the SQLite file above
  private final GreenMail greenMail;
  private final GreenMailUser botMailbox;
  private final PeopleMail mail;
  private final FakeBotApi telegram;
  private final FakeSignalDaemon signal;

  CrashWorld(Path dir) throws IOException {
    this(dir, null);
  }

  /**
   * @param server a PostgreSQL database for the application, or null for a SQLite file in {@code
   *     dir}
   */
  CrashWorld(Path dir, DatabaseLogin server) throws IOException {
    database = dir.resolve("crash.db");
    this.server = server;
    greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    greenMail.start();
    botMailbox = greenMail.setUser(BOT_MAIL, BOT_MAIL, BOT_MAIL_PASSWORD);
    mail = new PeopleMail(greenMail, BOT_MAIL);
    telegram = new FakeBotApi(java.time.Clock.systemUTC());
    signal = FakeSignalDaemon.startTcp().withAccount(BOT_SIGNAL);
  }

  /** The application's settings, as the environment variables an operator would set. */
  Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    if (server == null) {
      env.put("AIDBRIDGE_DB", database.toString());
    } else {
      env.put("AIDBRIDGE_DB", server.jdbcUrl());
      env.put("AIDBRIDGE_DB_USER", server.user());
      if (server.password() != null) {
        env.put("AIDBRIDGE_DB_PASSWORD", server.password());
      }
    }
    env.put("AIDBRIDGE_OUTBOX_POLL_MS", "100");
    env.put("AIDBRIDGE_HOME_COUNTRY", "US");
    env.put("AIDBRIDGE_IMAP_URL", "imap://127.0.0.1:" + greenMail.getImap().getPort());
    env.put("AIDBRIDGE_SMTP_URL", "smtp://127.0.0.1:" + greenMail.getSmtp().getPort());
    env.put("AIDBRIDGE_EMAIL_ADDRESS", BOT_MAIL);
    env.put("AIDBRIDGE_EMAIL_PASSWORD", BOT_MAIL_PASSWORD);
    env.put("AIDBRIDGE_IMAP_POLL_MS", "200");
    env.put("AIDBRIDGE_TELEGRAM_TOKEN", FakeBotApi.TOKEN);
    env.put("AIDBRIDGE_TELEGRAM_API_URL", telegram.url().toString());
    env.put("AIDBRIDGE_TELEGRAM_POLL_TIMEOUT_SECONDS", "1");
    env.put("AIDBRIDGE_SIGNAL_ENDPOINT", signal.endpoint().text());
    env.put("AIDBRIDGE_SIGNAL_ACCOUNT", BOT_SIGNAL);
    env.put("AIDBRIDGE_SIGNAL_DIRECT_PACE_SECONDS", "0");
    env.put("AIDBRIDGE_SIGNAL_REQUEST_TIMEOUT_SECONDS", "5");
    return env;
  }

  /** The person writes their message on their channel. */
  void send(Message message) throws MessagingException {
    int i = message.index();
    switch (message.channel()) {
      case TELEGRAM -> {
        telegramQueued.incrementAndGet();
        ObjectNode update = Updates.privateText(telegramId(i), "p" + i, "en", message.text());
        // Dated now, as Telegram dates a message: the fixture's date is years old, so the bot's
        // retention (by the message's date) forgot at once that it had handled it, and an update
        // given again after a kill (stored, offset not yet confirmed) was answered twice.
        ((ObjectNode) update.get("message")).put("date", Instant.now().getEpochSecond());
        telegram.queue(update);
      }
      case SIGNAL ->
          signal.push(
              SignalEnvelopes.text(
                  signalTimestampOf.computeIfAbsent(i, k -> signalTimestamps.incrementAndGet()),
                  signalUuid(i),
                  signalNumber(i),
                  message.text(),
                  null));
      case EMAIL -> mail.send(emailAddress(i), message.text(), "");
    }
  }

  @Override
  public Set<String> addresses(Message message) {
    int i = message.index();
    return switch (message.channel()) {
      case TELEGRAM -> Set.of("telegram:" + telegramId(i));
      case SIGNAL -> Set.of("signal:" + signalUuid(i), "signal:" + signalNumber(i));
      case EMAIL -> Set.of("email:" + emailAddress(i));
    };
  }

  CrashTally tally() {
    return CrashTally.of(mail, telegram, signal);
  }

  /** Every copy the three servers took from the bot, with when, for {@link DuplicateCauses}. */
  List<DuplicateCauses.Copy> copies() throws jakarta.mail.MessagingException {
    List<DuplicateCauses.Copy> copies = new java.util.ArrayList<>();
    for (jakarta.mail.internet.MimeMessage m : mail.fromBot()) {
      String text = PeopleMail.subject(m) + "\n" + PeopleMail.text(m);
      Instant at = m.getReceivedDate() == null ? Instant.EPOCH : m.getReceivedDate().toInstant();
      for (String to : PeopleMail.recipients(m)) {
        copies.add(new DuplicateCauses.Copy("email:" + to, text, at, m.getMessageID()));
      }
    }
    telegram
        .sent()
        .forEach(
            s ->
                copies.add(
                    new DuplicateCauses.Copy(
                        "telegram:" + s.chatId(),
                        s.text(),
                        s.at(),
                        s.chatId() + ":" + s.messageId())));
    for (com.fasterxml.jackson.databind.JsonNode send : signal.deliveredSends()) {
      String to =
          send.hasNonNull("groupId")
              ? send.get("groupId").asText()
              : send.path("recipient").path(0).asText();
      copies.add(
          new DuplicateCauses.Copy(
              "signal:" + to,
              send.path("message").asText(),
              Instant.ofEpochMilli(send.path("fake.receivedAtMillis").asLong()),
              send.path("fake.timestamp").asText()));
    }
    return copies;
  }

  /**
   * When the daemon wrote the person's Signal message to the bot's socket (epoch millis), or null
   * if it never did (no connection listened).
   */
  Long signalWrittenAt(Message message) {
    Long timestamp = signalTimestampOf.get(message.index());
    return timestamp == null ? null : signal.writtenAtMillis(timestamp);
  }

  Path database() {
    return database;
  }

  /**
   * How many Telegram updates and mails the bot has taken so far (confirmed by its offset, marked
   * seen): progress on the way in, which runs apart from the outbox's sending.
   */
  int taken() throws FolderException {
    var inbox = greenMail.getManagers().getImapHostManager().getInbox(botMailbox);
    int mailsSeen = inbox.getMessageCount() - inbox.getUnseenCount();
    return telegramQueued.get() - telegram.unconfirmed() + mailsSeen;
  }

  /** Whether the killed process's Signal connection is gone (the daemon saw it close). */
  boolean signalDisconnected() {
    return signal.connectedClients() == 0;
  }

  /**
   * Whether the bot has taken everything the servers hold for it (every Telegram update confirmed,
   * every mail seen, no Signal message waiting for a connection) and has nothing left to do (no
   * unhandled inbound message, no unsent outbox entry).
   */
  boolean finished() throws FolderException, SQLException {
    boolean taken =
        telegram.unconfirmed() == 0
            && signal.waiting() == 0
            && greenMail.getManagers().getImapHostManager().getInbox(botMailbox).getUnseenCount()
                == 0;
    return taken && databaseIsQuiet();
  }

  /**
   * No stored message waits to be handled and no outbox entry waits to be sent. Read-only (SQLite
   * in WAL mode, or a PostgreSQL session), so the running bot is never blocked; final outbox states
   * are SENT, UNDELIVERABLE and dead letters.
   */
  private boolean databaseIsQuiet() throws SQLException {
    if (server == null && !database.toFile().exists()) {
      return false;
    }
    try (Connection db = readOnly();
        Statement query = db.createStatement()) {
      return count(query, "SELECT COUNT(*) FROM inbox WHERE processed = 0") == 0
          && count(
                  query,
                  "SELECT COUNT(*) FROM outbox"
                      + " WHERE status NOT IN ('SENT', 'UNDELIVERABLE') AND status NOT LIKE 'DEAD%'")
              == 0;
    } catch (SQLException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("no such table") || message.contains("does not exist")) {
        return false; // the first run has not created its schema yet
      }
      throw e;
    }
  }

  private Connection readOnly() throws SQLException {
    if (server == null) {
      return DriverManager.getConnection("jdbc:sqlite:file:" + database + "?mode=ro");
    }
    Connection db = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
    db.setReadOnly(true);
    return db;
  }

  private static int count(Statement query, String sql) throws SQLException {
    try (ResultSet rows = query.executeQuery(sql)) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }

  private static long telegramId(int i) {
    return 5_000_000L + i;
  }

  private static String signalUuid(int i) {
    return String.format("c0ffee00-0000-4000-8000-%012d", i);
  }

  private static String signalNumber(int i) {
    return String.format("+1777%07d", i);
  }

  private static String emailAddress(int i) {
    return "person" + i + "@example.org";
  }

  @Override
  public void close() throws IOException {
    try {
      telegram.close();
      signal.close();
    } finally {
      greenMail.stop();
    }
  }
}
