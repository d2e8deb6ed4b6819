package org.aidbridge.bot.store;

/**
 * Which database ({@code databaseId}, made with it) and which state of its listings ({@code
 * version}, drawn anew by every change to them): two equal values say the listings are the same.
 */
public record ListingsVersion(String databaseId, long version) {}
