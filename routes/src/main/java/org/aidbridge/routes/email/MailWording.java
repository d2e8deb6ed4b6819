package org.aidbridge.routes.email;

import java.util.Map;

/**
 * The few words the email channel adds itself, in the recipient's language. Everything else the
 * core has already written.
 */
final class MailWording {
  private static final Map<String, String> DEFAULT_SUBJECT =
      Map.of(
          "en", "A message from AidBridge",
          "es", "Un mensaje de AidBridge",
          "fa", "پیامی از AidBridge");

  private static final Map<String, String> REPLY_WITH =
      Map.of("en", "Reply with", "es", "Responde con", "fa", "پاسخ دهید با");

  private MailWording() {}

  static String defaultSubject(String language) {
    return DEFAULT_SUBJECT.getOrDefault(language, DEFAULT_SUBJECT.get("en"));
  }

  static String replyWith(String language) {
    return REPLY_WITH.getOrDefault(language, REPLY_WITH.get("en"));
  }
}
