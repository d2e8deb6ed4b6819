package org.aidbridge.routes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.aidbridge.routes.app.AidBridgeApplication;
import org.aidbridge.routes.app.AppContext;
import org.aidbridge.routes.app.ChannelCatalog;
import org.aidbridge.routes.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the demo promises: mail anyone@localhost sends to aid@localhost is answered, and the answer
 * can be read over IMAP with the address as login and password.
 */
class DemoIT {
  @TempDir Path dir;

  @Test
  void personMailsTheBotAndReadsTheReplyWithTheirAddressAsLogin() throws Exception {
    try (DemoMailServer server = DemoMailServer.start(0, 0)) {
      Settings settings =
          DemoCommand.settings(
                  Settings.of(Map.of("base.dir", dir.toString())), server, "data/demo.db")
              .with(Map.of("imap.poll.ms", "100", "outbox.poll.ms", "50"));
      Core core = Core.from(settings);
      Clock clock = Clock.systemUTC();
      try (org.aidbridge.bot.store.Store store = core.openStore(dir)) {
        AppContext context = AppContext.build(settings, store, clock, core.places());
        try (AidBridgeApplication app =
            AidBridgeApplication.start(context, ChannelCatalog.standard())) {
          assertThat(app.channels()).containsExactly("email");
          GreenMailUtil.sendTextEmail(
              DemoMailServer.BOT,
              "you@localhost",
              "help",
              "help",
              new ServerSetup(server.smtpPort(), DemoMailServer.HOST, ServerSetup.PROTOCOL_SMTP));

          await()
              .atMost(Duration.ofSeconds(20))
              .until(() -> inboxSize(server, "you@localhost") > 0);
        }
      }
      assertThat(dir.resolve("data/demo.db")).exists();
      assertThat(DemoCommand.instructions(server))
          .contains("smtp://127.0.0.1:" + server.smtpPort())
          .contains("imap://127.0.0.1:" + server.imapPort() + "/INBOX;UID=1")
          .contains("--user you@localhost:you@localhost");
    }
  }

  /** Logs in over IMAP as the demo tells people to: the address is login and password. */
  private static int inboxSize(DemoMailServer server, String address) throws Exception {
    Session session = Session.getInstance(new Properties());
    try (Store imap = session.getStore("imap")) {
      imap.connect(DemoMailServer.HOST, server.imapPort(), address, address);
      Folder inbox = imap.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      Message[] messages = inbox.getMessages();
      inbox.close(false);
      return messages.length;
    } catch (jakarta.mail.AuthenticationFailedException e) {
      return 0; // the mailbox does not exist before its first mail
    }
  }
}
