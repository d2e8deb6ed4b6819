package org.aidbridge.routes.scenario;

import java.util.List;

/**
 * A person in the scenarios, with every identifier that must stay private.
 *
 * @param name for failure messages only
 * @param addresses where the bot writes to them, as {@code channel:id}
 * @param identifiers their phone numbers, email addresses, Telegram ids and usernames, Signal uuids
 */
record Participant(String name, List<String> addresses, List<String> identifiers) {

  static Participant email(String name, String address) {
    return new Participant(name, List.of("email:" + address), List.of(address));
  }

  static Participant telegram(String name, long id, String username) {
    return new Participant(
        name, List.of("telegram:" + id), List.of(Long.toString(id), username, "@" + username));
  }

  /** A Signal user; the number also counts without its plus and country code. */
  static Participant signal(String name, String uuid, String number) {
    return new Participant(
        name,
        List.of("signal:" + uuid, "signal:" + number),
        List.of(uuid, number, number.substring(2)));
  }

  boolean reachedAt(String recipient) {
    return addresses.contains(recipient);
  }
}
