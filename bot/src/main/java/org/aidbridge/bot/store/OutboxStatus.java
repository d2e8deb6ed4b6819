package org.aidbridge.bot.store;

public enum OutboxStatus {
  PENDING,
  SENT,
  UNDELIVERABLE
}
