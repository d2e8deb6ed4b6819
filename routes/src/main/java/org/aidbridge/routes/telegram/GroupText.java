package org.aidbridge.routes.telegram;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how a message is addressed: {@code /cmd@BotName} becomes {@code /cmd} when it names this
 * bot and is not for us when it names another; a mention of {@code @BotName} is taken out of the
 * text and marks the message as addressed to the bot.
 *
 * @param text the text with our name taken out
 * @param command the command name in lower case without slash, or null
 * @param addressed whether it is a command for us or mentions us
 * @param forOtherBot whether it is a command addressed to another bot
 */
record GroupText(String text, String command, boolean addressed, boolean forOtherBot) {

  /** Commands that need to know whether the sender administers the group. */
  static final Set<String> ADMIN_COMMANDS = Set.of("subscribe", "unsubscribe", "status");

  private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?");

  static GroupText read(String raw, BotIdentity bot) {
    String text = raw == null ? "" : raw.strip();
    Matcher m = COMMAND.matcher(text);
    if (m.find()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      String target = m.group(2);
      if (target != null && !bot.isNamed(target)) {
        return new GroupText(text, name, false, true);
      }
      return new GroupText("/" + name + text.substring(m.end()), name, true, false);
    }
    Pattern mention =
        Pattern.compile("(?i)(^|\\s)@" + Pattern.quote(bot.username()) + "\\b[,:]?\\s*");
    Matcher at = mention.matcher(text);
    if (at.find()) {
      String without = (text.substring(0, at.start()) + at.group(1) + text.substring(at.end()));
      return new GroupText(without.strip(), null, true, false);
    }
    return new GroupText(text, null, false, false);
  }

  boolean isAdminCommand() {
    return command != null && ADMIN_COMMANDS.contains(command);
  }
}
