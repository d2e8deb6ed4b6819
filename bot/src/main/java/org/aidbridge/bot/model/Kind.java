package org.aidbridge.bot.model;

public enum Kind {
  NEED,
  OFFER
}
