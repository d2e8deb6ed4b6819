package org.aidbridge.bot.service;

import org.aidbridge.bot.model.Address;

/**
 * How to reach a person directly, written out only after both people of a match consented to share
 * contact details.
 */
final class ContactCard {
  private ContactCard() {}

  static String describe(Address person) {
    return switch (person.channel()) {
      case EMAIL -> "email " + person.id();
      case TELEGRAM -> "Telegram tg://user?id=" + person.id();
      case SIGNAL -> "Signal " + person.id();
    };
  }
}
