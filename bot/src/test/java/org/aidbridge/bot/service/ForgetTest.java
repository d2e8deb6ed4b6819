package org.aidbridge.bot.service;

import static org.aidbridge.bot.service.LifeWorld.onlyTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.store.OutboxEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code forget}: asked, confirmed, and then nothing of the person is left in the database. */
class ForgetTest {
  private static final Address DANA = Address.person(Channel.SIGNAL, "d4a7e1f0-dana-uuid-9c2b");
  private static final Address DANA_PHONE = Address.person(Channel.TELEGRAM, "8802345671");
  private static final Pattern CODE = Pattern.compile("code is ([2-9A-Z]{6})");
  private static final Address BEN = Address.person(Channel.TELEGRAM, "777001");
  private static final Address GROUP = Address.group(Channel.TELEGRAM, "-100999");

  @TempDir Path dir;
  private LifeWorld world;

  @BeforeEach
  void open() {
    world = new LifeWorld(dir.resolve("bot.db"), BotSettings.DEFAULT);
  }

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void forgetAsksFirstAndANoDeletesNothing() {
    world.say(DANA, "need: insulin in Portland");

    OutboundMessage question = onlyTo(world.say(DANA, "/forget"), DANA);
    OutboundMessage reply = onlyTo(world.say(DANA, "no"), DANA);

    assertThat(question.text()).startsWith("Shall I delete everything");
    assertThat(question.choices()).extracting(c -> c.reply()).containsExactly("yes", "no");
    assertThat(reply.text()).isEqualTo("All right, I have deleted nothing.");
    assertThat(world.store.activeListingsOf(DANA)).hasSize(1);
  }

  @Test
  void onlyTheVeryNextMessageConfirms() {
    world.say(DANA, "need: insulin in Portland");
    world.say(DANA, "forget");
    world.say(DANA, "list");

    world.say(DANA, "yes");

    assertThat(world.store.activeListingsOf(DANA)).hasSize(1);
  }

  @Test
  void forgetConfirmForgetsAtOnceInThePersonsLanguage() {
    world.say(DANA, "necesito agua en Portland");

    OutboundMessage done = onlyTo(world.say(DANA, "/olvidar confirmar"), DANA);

    assertThat(done.text()).startsWith("Hecho.");
    assertThat(done.topic()).isEqualTo(Forgetting.TOPIC);
    assertThat(world.store.activeListingsOf(DANA)).isEmpty();
  }

  @Test
  void inAGroupForgetSaysToWritePrivately() {
    List<OutboundMessage> out =
        world.bot.handle(
            new InboundMessage(
                Channel.TELEGRAM,
                "g1",
                BEN,
                GROUP,
                "/forget confirm",
                null,
                null,
                null,
                true,
                false,
                world.clock.instant()));

    assertThat(onlyTo(out, GROUP).text()).contains("privately");
  }

  @Test
  void afterAConfirmedForgetNoRowAnywhereHoldsThePersonsAddress() throws SQLException {
    world.subscribe(GROUP, LifeWorld.PORTLAND_OR, 50, "en");
    String code = codeIn(world.say(DANA, "link"));
    world.say(DANA_PHONE, "link " + code);
    world.say(DANA_PHONE, "offer: a ride to the clinic in Portland");
    world.say(DANA, "link"); // a second code, never used
    world.say(DANA, "need: insulin in Portland, urgent");
    Listing danas =
        world.store.activeListingsOf(DANA).stream()
            .filter(l -> l.author().equals(DANA))
            .findFirst()
            .orElseThrow();
    world.say(DANA, "need: a flux capacitor"); // leaves a question waiting
    world.say(BEN, "offer: insulin in Portland");
    Listing bens = world.only(BEN);
    world.say(DANA, "share " + bens.ref());
    world.say(BEN, "share " + danas.ref()); // BEN now holds DANA's contact details
    OutboxEntry notice =
        world.sendAll(Channel.SIGNAL).stream()
            .filter(e -> e.message().topic() != null && e.message().topic().startsWith("match:"))
            .findFirst()
            .orElseThrow();
    world.answer(DANA, "I can pick it up tonight", notice);
    world.clock.advance(BotSettings.DEFAULT.defaultExpiry().minusHours(12));
    world.run(); // renewal questions
    world.sendAll(Channel.SIGNAL);
    world.store.setUnreachable(DANA, true);
    assertThat(rowsMentioning(DANA.id())).isNotEmpty();
    assertThat(rowsMentioning(DANA_PHONE.id())).isNotEmpty();
    assertThat(rowsMentioning(DANA.id()))
        .as("BEN was sent DANA's contact details")
        .anyMatch(row -> row.contains(BEN.id()) && row.contains("can be reached at"));

    world.say(DANA, "/forget");
    List<OutboundMessage> out = world.say(DANA, "yes");
    assertThat(rowsMentioning(DANA_PHONE.id())).isEmpty();

    assertThat(onlyTo(out, DANA).text()).startsWith("Done.");
    assertThat(rowsMentioning(DANA.id()))
        .as("only the pending confirmation may name the person")
        .singleElement()
        .satisfies(row -> assertThat(row).startsWith("outbox:"));
    assertThat(world.reread(bens).status()).isEqualTo(Status.OPEN);

    world.sendAll(Channel.SIGNAL);
    world.clock.advance(Duration.ofMinutes(1));
    world.run();
    assertThat(rowsMentioning(DANA.id())).isEmpty();
    assertThat(world.store.activeListingsOf(BEN)).hasSize(1);
  }

  /**
   * Her words relayed to the other side and not yet sent are hers too: they once stayed, as they
   * hold no address of hers to search for.
   */
  @Test
  void forgettingErasesTheirWordsStillWaitingToReachTheOtherSide() throws SQLException {
    world.say(DANA, "need: insulin in Portland");
    world.say(BEN, "offer: insulin in Portland");
    Listing bens = world.only(BEN);
    world.say(DANA, "reply " + bens.ref() + " I live at 12 Birch Lane, come after 6");
    assertThat(rowsMentioning("12 Birch Lane"))
        .anyMatch(row -> row.startsWith("outbox:") && row.contains(BEN.id()));

    world.say(DANA, "/forget");
    world.say(DANA, "yes");

    assertThat(rowsMentioning("12 Birch Lane")).isEmpty();
    assertThat(world.store.activeListingsOf(BEN)).hasSize(1);
  }

  private static String codeIn(List<OutboundMessage> out) {
    Matcher m = CODE.matcher(onlyTo(out, DANA).text());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  /** Every row of every table that holds {@code needle} in any column, as {@code table: row}. */
  private List<String> rowsMentioning(String needle) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bot.db"));
        Statement tables = c.createStatement();
        ResultSet names =
            tables.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
      List<String> tableNames = new ArrayList<>();
      while (names.next()) {
        tableNames.add(names.getString(1));
      }
      assertThat(tableNames).contains("inbox", "outbox", "listings", "state", "escalations");
      for (String table : tableNames) {
        try (Statement query = c.createStatement();
            ResultSet rows = query.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            StringBuilder row = new StringBuilder(table).append(':');
            for (int i = 1; i <= columns; i++) {
              row.append(' ').append(rows.getString(i));
            }
            if (row.indexOf(needle) >= 0) {
              found.add(row.toString());
            }
          }
        }
      }
    }
    return found;
  }
}
