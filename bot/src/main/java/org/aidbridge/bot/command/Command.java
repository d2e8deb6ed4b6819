package org.aidbridge.bot.command;

/**
 * A command as typed: {@code /done N-7K2}, {@code done N-7K2} or {@code need: insulin}.
 *
 * @param name which command
 * @param args the rest of the text, trimmed (may be empty)
 */
public record Command(CommandName name, String args) {}
