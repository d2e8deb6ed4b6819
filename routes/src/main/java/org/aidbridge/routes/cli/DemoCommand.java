package org.aidbridge.routes.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aidbridge.routes.app.ChannelCatalog;
import org.aidbridge.routes.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Try AidBridge by email on this machine, without any account: starts a mail server on"
          + " 127.0.0.1 (SMTP 3025, IMAP 3143) and the bot as aid@localhost, with its database in"
          + " data/demo.db. Runs until Ctrl-C."
    })
final class DemoCommand implements Callable<Integer> {
  @ParentCommand AidBridgeCli parent;
  @Spec CommandSpec spec;

  @Option(names = "--smtp-port", defaultValue = "3025", description = "Default: ${DEFAULT-VALUE}.")
  int smtpPort;

  @Option(names = "--imap-port", defaultValue = "3143", description = "Default: ${DEFAULT-VALUE}.")
  int imapPort;

  @Option(
      names = "--db",
      defaultValue = "data/demo.db",
      description = "The demo's database (default: ${DEFAULT-VALUE}).")
  String db;

  @Override
  public Integer call() throws Exception {
    Settings base = parent.settings();
    try (DemoMailServer mail = DemoMailServer.start(smtpPort, imapPort)) {
      Settings settings = settings(base, mail, db);
      PrintWriter out = spec.commandLine().getOut();
      out.println(instructions(mail));
      out.flush();
      RunCommand.run(parent, settings, ChannelCatalog.standard());
    }
    return 0;
  }

  /**
   * The settings of the demo: email against the demo's mail server, polled every second, the other
   * channels off, the health endpoint on a free port.
   */
  static Settings settings(Settings base, DemoMailServer mail, String db) {
    Map<String, String> demo = new HashMap<>(mail.emailSettings());
    demo.put("db", db);
    demo.put("imap.poll.ms", "1000");
    demo.put("http.port", "0");
    return base.with(demo);
  }

  static String instructions(DemoMailServer mail) {
    int smtp = mail.smtpPort();
    int imap = mail.imapPort();
    return String.join(
        "\n",
        "",
        "AidBridge demo is starting. The bot reads mail sent to aid@localhost.",
        "",
        "Send it mail with any mail client (SMTP 127.0.0.1:"
            + smtp
            + ", no encryption), or with"
            + " curl.",
        "For example, save these lines as need.txt (the empty line matters):",
        "",
        "    From: you@localhost",
        "    To: aid@localhost",
        "    Subject: need insulin",
        "",
        "    I need insulin in Portland, urgent",
        "",
        "and send them:",
        "",
        "    curl --url smtp://127.0.0.1:"
            + smtp
            + " --mail-from you@localhost --mail-rcpt aid@localhost --upload-file need.txt",
        "",
        "Then offer it as someone else: the same with friend@localhost in From and"
            + " --mail-from, and 'I can give insulin in Portland' as the text. Both of you get a"
            + " match notice.",
        "",
        "Every address gets a mailbox on its first mail; its login and password are the"
            + " address. Read the bot's replies (IMAP 127.0.0.1:"
            + imap
            + "):",
        "",
        "    curl --url \"imap://127.0.0.1:"
            + imap
            + "/INBOX;UID=1\" --user you@localhost:you@localhost",
        "",
        "(UID=2, 3... for the next ones; curl --url imap://127.0.0.1:"
            + imap
            + "/INBOX --user you@localhost:you@localhost -X 'SEARCH ALL' lists them.)",
        "Stop the demo with Ctrl-C.",
        "");
  }
}
