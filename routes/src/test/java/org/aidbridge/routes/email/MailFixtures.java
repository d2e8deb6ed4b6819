package org.aidbridge.routes.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Raw mails kept under {@code fixtures/email}, as a mail server would hand them over. */
final class MailFixtures {
  private MailFixtures() {}

  static MimeMessage mail(String name) {
    try (InputStream in = rawStream(name)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessagingException e) {
      throw new IllegalStateException("fixture " + name + " is not a mail", e);
    }
  }

  static byte[] raw(String name) {
    try (InputStream in = rawStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream rawStream(String name) {
    InputStream in = MailFixtures.class.getResourceAsStream("/fixtures/email/" + name);
    if (in == null) {
      throw new IllegalArgumentException("no fixture " + name);
    }
    return in;
  }
}
