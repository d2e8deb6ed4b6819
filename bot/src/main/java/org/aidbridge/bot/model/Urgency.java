package org.aidbridge.bot.model;

public enum Urgency {
  HIGH,
  NORMAL,
  LOW
}
