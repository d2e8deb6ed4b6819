package org.aidbridge.bot.command;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises commands in a message's text. Slash commands ({@code /need}, {@code /need@AidBot}) are
 * always commands; a bare first word is a command only when it cannot be the start of an ordinary
 * sentence ("help", "list", "done N-7K2", "need: insulin"), so "need a ride to the clinic" stays
 * free text for the parser.
 */
public final class CommandParser {
  private static final Pattern SLASH =
      Pattern.compile("^/(\\p{L}+)(?:@\\w+)?(?:[\\s:]+(.*))?$", Pattern.DOTALL);
  private static final Pattern WORD =
      Pattern.compile("^(\\p{L}[\\p{L}\\u200c]*)\\s*(:)?\\s*(.*)$", Pattern.DOTALL);

  /** The words that confirm at once, as in {@code forget confirm}, in every language. */
  public static final Set<String> CONFIRM_WORDS =
      Set.of("confirm", "confirmar", "confirmo", "تایید", "تأیید", "yes", "sí", "si", "بله");

  /** Commands whose bare word is enough, with or without arguments. */
  private static final Set<CommandName> BARE =
      Set.of(
          CommandName.HELP,
          CommandName.LIST,
          CommandName.START,
          CommandName.STATUS,
          CommandName.UNSUBSCRIBE,
          CommandName.UNLINK,
          CommandName.STATS,
          CommandName.FORGET,
          CommandName.DIGEST,
          CommandName.DEADLETTERS,
          CommandName.DASHBOARD);

  /** Commands whose bare word counts only when followed by a listing reference. */
  private static final Set<CommandName> WITH_REF =
      Set.of(
          CommandName.DONE,
          CommandName.WITHDRAW,
          CommandName.REPLY,
          CommandName.SHARE,
          CommandName.CLOSE,
          CommandName.HIDE);

  /** Commands whose bare word counts when anything follows it. */
  private static final Set<CommandName> WITH_ARGS =
      Set.of(CommandName.SUBSCRIBE, CommandName.BROADCAST, CommandName.BAN);

  public Optional<Command> parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    Matcher slash = SLASH.matcher(trimmed);
    if (slash.matches()) {
      return CommandName.fromWord(slash.group(1))
          .map(
              n ->
                  new Command(n, rest(slash.group(2)), CommandName.languageOfWord(slash.group(1))));
    }
    Matcher word = WORD.matcher(trimmed);
    if (!word.matches()) {
      return Optional.empty();
    }
    Optional<CommandName> name = CommandName.fromWord(word.group(1));
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String args = rest(word.group(3));
    boolean colon = word.group(2) != null;
    return accepts(name.get(), args, colon)
        ? Optional.of(new Command(name.get(), args, CommandName.languageOfWord(word.group(1))))
        : Optional.empty();
  }

  private static boolean accepts(CommandName name, String args, boolean colon) {
    if (colon) {
      return true; // "need: insulin", "offer: rice"
    }
    if (BARE.contains(name)) {
      // "unsubscribe list@example.org": a coordinator ending an email list's subscription.
      // "forget confirm": forgetting at once, in one message.
      return args.isEmpty()
          || (name == CommandName.UNSUBSCRIBE && args.matches("\\S+@\\S+"))
          || (name == CommandName.FORGET
              && CONFIRM_WORDS.contains(args.toLowerCase(java.util.Locale.ROOT)));
    }
    if (WITH_REF.contains(name)) {
      return org.aidbridge.bot.model.ListingRefs.looksLikeRef(args.split("\\s+")[0]);
    }
    if (name == CommandName.RETRY) {
      return args.matches("#?\\d{1,18}"); // "retry 12": a dead letter's number
    }
    if (name == CommandName.LINK) {
      // A code ("link 7KQ2MX") or the identity to link ("link email:ana@example.org").
      return args.isEmpty()
          || args.matches("(?i)[2-9A-Z]{6}")
          || args.matches("(?i)(email|telegram|signal):\\S+|[^@:\\s]+@[^@\\s]+\\.[^@\\s]+");
    }
    return WITH_ARGS.contains(name) && !args.isEmpty();
  }

  private static String rest(String s) {
    return s == null ? "" : s.strip();
  }
}
