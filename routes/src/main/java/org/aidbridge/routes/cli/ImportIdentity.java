package org.aidbridge.routes.cli;

import java.util.Locale;
import java.util.regex.Pattern;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;

/**
 * Who wrote an imported row. A contact that is an email address becomes that person's email
 * identity, so a later match reaches them. Any other contact (a phone number, a handle) or none
 * becomes a synthetic identity that the bot can never write to: an email-channel id starting with
 * {@code import-contact:} (same contact, same person) or {@code import-row:} (one per row, so the
 * rows of one spreadsheet can match each other). Those are marked unreachable in the store, so
 * nothing is ever sent to them.
 */
final class ImportIdentity {
  static final String CONTACT_PREFIX = "import-contact:";
  static final String ROW_PREFIX = "import-row:";
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s<>,;:]+@[^@\\s<>,;:]+\\.[^@\\s<>,;:]+");

  private ImportIdentity() {}

  static Address of(String contact, String rowIdentity) {
    if (contact == null || contact.isBlank()) {
      return Address.person(Channel.EMAIL, ROW_PREFIX + rowIdentity);
    }
    String trimmed = contact.trim();
    if (EMAIL.matcher(trimmed).matches()) {
      return Address.person(Channel.EMAIL, trimmed.toLowerCase(Locale.ROOT));
    }
    return Address.person(Channel.EMAIL, CONTACT_PREFIX + trimmed);
  }

  static boolean synthetic(Address author) {
    return author.channel() == Channel.EMAIL
        && (author.id().startsWith(CONTACT_PREFIX) || author.id().startsWith(ROW_PREFIX));
  }

  /** The contact as a person would write it, for {@code export --include-contacts}. */
  static String contactOf(Address author) {
    if (author.id().startsWith(CONTACT_PREFIX)) {
      return author.id().substring(CONTACT_PREFIX.length());
    }
    if (author.id().startsWith(ROW_PREFIX)) {
      return "";
    }
    return author.channel() == Channel.EMAIL ? author.id() : author.qualified();
  }
}
