package org.aidbridge.bot.command;

/**
 * A command as typed: {@code /done N-7K2}, {@code done N-7K2} or {@code need: insulin}.
 *
 * @param name which command
 * @param args the rest of the text, trimmed (may be empty)
 * @param language the language the command word was in ("es" for {@code ayuda}), or null when the
 *     word does not tell (English words and slash commands are typed by everyone)
 */
public record Command(CommandName name, String args, String language) {

  public Command(CommandName name, String args) {
    this(name, args, null);
  }
}
