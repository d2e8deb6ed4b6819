package org.aidbridge.routes.scenario;

/**
 * One message a test double received from the bot: a mail GreenMail accepted, a Telegram
 * sendMessage the fake Bot API answered, a send the fake Signal daemon accepted.
 *
 * @param recipient {@code channel:id} of the person or group it went to
 * @param content everything that travelled: raw MIME and decoded text, or the whole request body
 */
record Delivered(String recipient, String content) {
  /** The text the bot wrote, as the recipient sees it (within the content). */
  boolean says(String words) {
    return content.contains(words);
  }
}
