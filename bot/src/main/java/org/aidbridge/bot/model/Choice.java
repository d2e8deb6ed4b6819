package org.aidbridge.bot.model;

/**
 * A quick answer offered with a message: a button on Telegram, a numbered line elsewhere.
 *
 * @param label what the person sees, e.g. "Medicine"
 * @param reply the text the bot receives when it is chosen, e.g. "medicine"
 */
public record Choice(String label, String reply) {}
