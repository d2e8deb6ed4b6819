package org.aidbridge.routes.email;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/**
 * Brings, in one IMAP FETCH, everything the first look at a mail reads: its envelope, its structure
 * and the headers deciding about it reads by name.
 *
 * <p>Without it, every {@code getHeader} on a mail still on the server is a round trip of its own:
 * about fifteen per mail, which on a loaded machine made the intake read one mail a second and a
 * backlog of mail wait for minutes. Only the named headers are fetched, never the whole header
 * block or the body, so a hostile mail costs no more than before.
 */
final class FirstLook {
  private static final FetchProfile PROFILE = profile();

  private FirstLook() {}

  /** Loads the first look into the mail, when it lies on an open IMAP folder; else does nothing. */
  static void load(Message mail) throws MessagingException {
    Folder folder = mail.getFolder();
    if (folder == null || !folder.isOpen()) {
      return; // a mail in memory (tests, a mail inside a bounce) has everything at hand already
    }
    folder.fetch(new Message[] {mail}, PROFILE);
  }

  private static FetchProfile profile() {
    FetchProfile profile = new FetchProfile();
    profile.add(FetchProfile.Item.ENVELOPE);
    profile.add(FetchProfile.Item.CONTENT_INFO);
    AutoMail.HEADERS_READ.forEach(profile::add);
    MailTranslator.HEADERS_READ.forEach(profile::add);
    return profile;
  }
}
