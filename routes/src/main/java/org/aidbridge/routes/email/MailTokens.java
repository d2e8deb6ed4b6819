package org.aidbridge.routes.email;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.port.ChannelMemory;

/**
 * The per-recipient token in the Message-ID of every mail the bot sends: {@code aidbridge.<outbox
 * id>.<token>@<domain>}, where the token is an HMAC (key kept in the database, purpose {@value
 * #PURPOSE}) of the recipient's address and the outbox id, 160 bits in hex.
 *
 * <p>Only the mailbox the mail went to sees it, so a mail whose In-Reply-To or References carries
 * it back, from that same address, proves its sender reads that mailbox; a bounce that names it
 * proves it answers the bot's own mail to that recipient. The same outbox row and recipient always
 * get the same Message-ID, so a mail sent again after a crash is the same mail.
 */
final class MailTokens {
  static final String PURPOSE = "mail-token";

  /** Proves nothing: for reading mail where no token is known (tests of parsing alone). */
  static final MailTokens NONE = new MailTokens(null, null);

  private static final int TOKEN_BYTES = 20;
  private static final Pattern OURS =
      Pattern.compile("^aidbridge\\.(\\d{1,18})\\.([0-9a-f]{" + 2 * TOKEN_BYTES + "})@.+$");

  private final byte[] key;
  private final ChannelMemory store;

  private MailTokens(byte[] key, ChannelMemory store) {
    this.key = key;
    this.store = store;
  }

  /** The tokens of this installation; a token proves while the store keeps the mail it is in. */
  static MailTokens of(ChannelMemory store) {
    return new MailTokens(store.installationKey(PURPOSE), store);
  }

  /** The Message-ID (without brackets) of the outbox entry's mail to {@code recipient}. */
  String messageId(long outboxId, String recipient, String domain) {
    return "aidbridge." + outboxId + "." + token(recipient, outboxId) + "@" + domain;
  }

  /**
   * Whether {@code bareMessageId} is that of a mail the bot sent to the person {@code address} and
   * still keeps (mail older than the retention, or sent to a list, proves nothing).
   */
  boolean sentTo(String bareMessageId, String address) {
    if (key == null || bareMessageId == null || address == null) {
      return false;
    }
    Matcher m = OURS.matcher(bareMessageId.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return false;
    }
    long outboxId = Long.parseLong(m.group(1));
    byte[] expected = token(address, outboxId).getBytes(StandardCharsets.US_ASCII);
    byte[] given = m.group(2).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) && kept(outboxId, address);
  }

  /** Whether any of the ids (In-Reply-To, References) is one the bot sent to {@code address}. */
  boolean anySentTo(Iterable<String> bareMessageIds, String address) {
    for (String id : bareMessageIds) {
      if (sentTo(id, address)) {
        return true;
      }
    }
    return false;
  }

  private boolean kept(long outboxId, String address) {
    return Optional.ofNullable(store)
        .flatMap(s -> s.outboxEntry(outboxId))
        .map(e -> e.message().to())
        .filter(to -> to.channel() == Channel.EMAIL)
        // Every member of a list saw its mail's Message-ID: that token proves no one.
        .filter(to -> !to.group())
        .filter(to -> to.id().equalsIgnoreCase(address))
        .isPresent();
  }

  private String token(String recipient, long outboxId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      String data = recipient.strip().toLowerCase(Locale.ROOT) + "\n" + outboxId;
      byte[] full = mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(full, 0, TOKEN_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java has HmacSHA256", e);
    }
  }
}
