package org.aidbridge.routes.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.aidbridge.routes.signal.FakeSignalDaemon;
import org.aidbridge.routes.telegram.FakeBotApi;

/**
 * One message a test double received from the bot: a mail GreenMail accepted, a Telegram
 * sendMessage the fake Bot API answered, a send the fake Signal daemon accepted.
 *
 * @param recipient {@code channel:id} of the person or group it went to
 * @param content everything that travelled: raw MIME and decoded text, or the whole request body
 */
record Delivered(String recipient, String content) {
  /** Every message the three test servers received from the bot, in order per channel. */
  static List<Delivered> collect(PeopleMail mail, FakeBotApi telegram, FakeSignalDaemon signal) {
    List<Delivered> all = new ArrayList<>();
    for (MimeMessage m : mail.fromBot()) {
      String content = PeopleMail.raw(m) + "\n" + PeopleMail.subject(m) + "\n" + PeopleMail.text(m);
      for (String to : PeopleMail.recipients(m)) {
        all.add(new Delivered("email:" + to, content));
      }
    }
    for (FakeBotApi.Sent s : telegram.sent()) {
      all.add(new Delivered("telegram:" + s.chatId(), s.text() + "\n" + s.body()));
    }
    for (JsonNode send : signal.deliveredSends()) {
      ObjectNode request = send.deepCopy();
      for (Iterator<String> names = send.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (name.startsWith("fake.")) {
          request.remove(name);
        }
      }
      String to =
          send.hasNonNull("groupId")
              ? send.get("groupId").asText()
              : send.path("recipient").path(0).asText();
      all.add(new Delivered("signal:" + to, send.path("message").asText() + "\n" + request));
    }
    return all;
  }

  /** The text the bot wrote, as the recipient sees it (within the content). */
  boolean says(String words) {
    return content.contains(words);
  }
}
