package org.aidbridge.routes.cli;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;

/**
 * Who wrote an imported row. A contact that is an email address ({@code ana@example.org} or {@code
 * Ana <ana@example.org>}) becomes that person's email identity, so a later match reaches them; so
 * does a contact written as the bot's identities are in configuration ({@code telegram:123456},
 * {@code signal:<uuid>}). Any other contact (a phone number, a handle) or none becomes a synthetic
 * identity that the bot can never write to: an email-channel id starting with {@code
 * import-contact:} (same contact, same person) or {@code import-row:} (one per row, so the rows of
 * one spreadsheet can match each other). Those are marked unreachable in the store, so nothing is
 * ever sent to them.
 */
final class ImportIdentity {
  static final String CONTACT_PREFIX = "import-contact:";
  static final String ROW_PREFIX = "import-row:";
  private static final Pattern BRACKETED = Pattern.compile(".*<([^<>]+)>\\s*");
  private static final Pattern QUALIFIED = Pattern.compile("(?i)(telegram|signal):\\S+");
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s<>,;:]+@[^@\\s<>,;:]+\\.[^@\\s<>,;:]+");

  private ImportIdentity() {}

  static Address of(String contact, String rowIdentity) {
    if (contact == null || contact.isBlank()) {
      return Address.person(Channel.EMAIL, ROW_PREFIX + rowIdentity);
    }
    String trimmed = contact.trim();
    Matcher bracketed = BRACKETED.matcher(trimmed);
    String email = bracketed.matches() ? bracketed.group(1) : trimmed;
    if (EMAIL.matcher(email).matches()) {
      return Address.person(Channel.EMAIL, email.toLowerCase(Locale.ROOT));
    }
    Optional<Address> qualified = qualified(trimmed);
    return qualified.orElse(Address.person(Channel.EMAIL, CONTACT_PREFIX + trimmed));
  }

  private static Optional<Address> qualified(String contact) {
    if (!QUALIFIED.matcher(contact).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Address.parsePerson(contact));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
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
