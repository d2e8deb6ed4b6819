package org.aidbridge.routes.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The privacy promise, checked on what really left the bot: a participant's identifiers may appear
 * only in a message to that same participant, or in the one contact-sharing message to the other
 * person of a match after both consented; never in a group's message, another person's message or a
 * log line at INFO or above.
 */
final class PrivacyAudit {
  /** The opening of the message that carries contact details after both people consented. */
  static final String CONTACT_SHARE = "You both agreed to share contact details";

  /** Log lines of the test's own mail server, which plays the outside world: not the bot's. */
  private static final String MAIL_SERVER_LOGGERS = "com.icegreen";

  private final List<Participant> people;
  private final Set<List<Participant>> consents = new HashSet<>();
  private int allowedSightings;

  PrivacyAudit(List<Participant> people) {
    this.people = List.copyOf(people);
  }

  /** Both people of a match sent {@code share}: each may now receive the other's contact. */
  void consented(Participant a, Participant b) {
    consents.add(List.of(a, b));
    consents.add(List.of(b, a));
  }

  /** Every identifier found where it must not be, described for a failure message. */
  List<String> leaksIn(List<Delivered> messages) {
    List<String> leaks = new ArrayList<>();
    for (Delivered message : messages) {
      String content = message.content().toLowerCase(Locale.ROOT);
      for (Participant person : people) {
        for (String identifier : person.identifiers()) {
          if (!content.contains(identifier.toLowerCase(Locale.ROOT))) {
            continue;
          }
          if (allowed(person, message)) {
            allowedSightings++;
          } else {
            leaks.add(
                person.name() + "'s " + identifier + " in a message to " + message.recipient());
          }
        }
      }
    }
    return leaks;
  }

  /** Every identifier found in a log line at INFO or above. */
  List<String> leaksIn(CapturedLogs logs) {
    List<String> leaks = new ArrayList<>();
    for (CapturedLogs.Line line : logs.lines()) {
      if (line.logger().startsWith(MAIL_SERVER_LOGGERS)) {
        continue;
      }
      String text = line.text().toLowerCase(Locale.ROOT);
      for (Participant person : people) {
        for (String identifier : person.identifiers()) {
          if (text.contains(identifier.toLowerCase(Locale.ROOT))) {
            leaks.add(person.name() + "'s " + identifier + " logged: " + line);
          }
        }
      }
    }
    return leaks;
  }

  /** How often an identifier was seen where it may be: shows the scan reads what was sent. */
  int allowedSightings() {
    return allowedSightings;
  }

  private boolean allowed(Participant person, Delivered message) {
    if (person.reachedAt(message.recipient())) {
      return true;
    }
    return message.content().contains(CONTACT_SHARE)
        && people.stream()
            .filter(other -> other.reachedAt(message.recipient()))
            .anyMatch(other -> consents.contains(List.of(person, other)));
  }
}
