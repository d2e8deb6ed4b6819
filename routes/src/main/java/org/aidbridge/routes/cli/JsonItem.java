package org.aidbridge.routes.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import org.aidbridge.bot.model.Item;

/** An item as {@code parse} prints it; quantity and unit only when known. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonItem(String name, BigDecimal quantity, String unit) {

  public static JsonItem from(Item item) {
    return new JsonItem(item.name(), item.quantity(), item.unit());
  }
}
