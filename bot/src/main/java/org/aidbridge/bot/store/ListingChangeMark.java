package org.aidbridge.bot.store;

/**
 * A row of a database's journal of listing changes (schema step 26): the database ({@code
 * databaseId}, made with it), the row's number ({@code seq}) and its {@code token}, drawn at random
 * when the row was written, which the row of that number in a copy of the database that went on
 * otherwise does not share.
 */
public record ListingChangeMark(String databaseId, long seq, long token) {}
