package org.aidbridge.routes.cli;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;

/**
 * The demo's own mail server on 127.0.0.1: GreenMail's SMTP and IMAP. Every address gets a mailbox
 * on its first mail, with the address as login and password; the bot reads {@link #BOT}.
 */
final class DemoMailServer implements AutoCloseable {
  static final String BOT = "aid@localhost";
  static final String HOST = "127.0.0.1";

  private final GreenMail greenMail;

  private DemoMailServer(GreenMail greenMail) {
    this.greenMail = greenMail;
  }

  static DemoMailServer start(int smtpPort, int imapPort) {
    GreenMail greenMail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP)
            });
    try {
      greenMail.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot start the demo mail server on "
              + HOST
              + " ports "
              + smtpPort
              + " and "
              + imapPort
              + " (is another demo running? choose others with --smtp-port and --imap-port)",
          e);
    }
    greenMail.setUser(BOT, BOT, BOT);
    return new DemoMailServer(greenMail);
  }

  int smtpPort() {
    return greenMail.getSmtp().getPort();
  }

  int imapPort() {
    return greenMail.getImap().getPort();
  }

  /** The settings that point the email channel at this server, and turn the others off. */
  Map<String, String> emailSettings() {
    return Map.of(
        "imap.url",
        "imap://" + HOST + ":" + imapPort(),
        "smtp.url",
        "smtp://" + HOST + ":" + smtpPort(),
        "email.address",
        BOT,
        "email.username",
        BOT,
        "email.password",
        BOT,
        "telegram.token",
        "",
        "signal.endpoint",
        "");
  }

  @Override
  public void close() {
    greenMail.stop();
  }
}
