package org.aidbridge.bot.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The fixed taxonomy of what people need and offer. Ids are stable: they are stored and typed. */
public enum Category {
  FOOD("food"),
  WATER("water"),
  MEDICINE("medicine"),
  MEDICAL_SUPPLIES("medical-supplies"),
  BAIL_LEGAL("bail-legal"),
  HOUSING_SHELTER("housing-shelter"),
  TRANSPORT("transport"),
  MONEY("money"),
  CHILDCARE("childcare"),
  CLOTHING("clothing"),
  HYGIENE("hygiene"),
  PHONE_INTERNET("phone-internet"),
  PETS("pets"),
  MENTAL_HEALTH("mental-health"),
  SKILLS_LABOR("skills-labor"),
  OTHER("other");

  private final String id;

  Category(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /**
   * Whether what is offered in this category can reach someone far away (money is sent, legal help
   * and counselling work remotely), so distance matters little when matching.
   */
  public boolean travels() {
    return this == MONEY || this == BAIL_LEGAL || this == MENTAL_HEALTH;
  }

  public static Optional<Category> fromId(String id) {
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.id.equals(wanted)).findFirst();
  }
}
