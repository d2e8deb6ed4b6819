package org.aidbridge.bot.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One thing needed or offered: "rice", "2 bags of rice" (quantity 2, unit "bag"), "$500 bail".
 *
 * @param name what it is, lower case, singular where the language allows
 * @param quantity how many or how much, or null when not said
 * @param unit the unit of the quantity ("bag", "box", "usd", "size"), or null
 */
public record Item(String name, BigDecimal quantity, String unit) {

  public Item {
    Objects.requireNonNull(name, "name");
  }

  public static Item named(String name) {
    return new Item(name, null, null);
  }
}
