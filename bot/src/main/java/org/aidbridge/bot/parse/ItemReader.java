package org.aidbridge.bot.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Item;
import org.aidbridge.bot.parse.lexicon.Hit;
import org.aidbridge.bot.parse.lexicon.Hits;
import org.aidbridge.bot.parse.lexicon.Lexicon;
import org.aidbridge.bot.parse.lexicon.Lexicons;
import org.aidbridge.bot.parse.lexicon.Token;

/**
 * Finds the categories and items of a message: each category synonym names an item, with the
 * quantity and unit written around it ("2 bags of rice", "۳ بسته پوشک", "pañales talla 3", "$500
 * bail"); amounts of money make the money category; a counted thing no lexicon knows ("4 tarps") is
 * still an item.
 */
final class ItemReader {

  /** Categories and items found, and whether any quantity was stated. */
  record Found(Set<Category> categories, List<Item> items, boolean hasQuantity) {}

  private final Lexicons lexicons;

  ItemReader(Lexicons lexicons) {
    this.lexicons = lexicons;
  }

  Found read(List<Token> tokens, Lexicon lexicon) {
    Set<Category> categories = EnumSet.noneOf(Category.class);
    Map<String, Item> items = new LinkedHashMap<>();
    boolean[] used = new boolean[tokens.size()];
    List<Hit> hits = Hits.maximal(lexicons.categories().findAll(tokens));
    for (Hit hit : hits) {
      String id = hit.tag().substring(Lexicon.CATEGORY_TAG.length());
      Category.fromId(id).ifPresent(categories::add);
      for (int i = hit.start(); i < hit.end(); i++) {
        used[i] = true;
      }
      if (!hit.phrase().itemless()) {
        Item item = withQuantity(tokens, hit.start(), hit.end(), name(tokens, hit, lexicon), used);
        items.merge(item.name(), item, (old, added) -> old.quantity() != null ? old : added);
      }
    }
    boolean money = readLooseQuantities(tokens, lexicon, used, items);
    if (money) {
      categories.add(Category.MONEY);
    }
    boolean hasQuantity = items.values().stream().anyMatch(i -> i.quantity() != null);
    return new Found(categories, new ArrayList<>(items.values()), hasQuantity);
  }

  /**
   * The item's words as written, without articles and plural particles at either end ("a ride" is
   * "ride", "پوشک ها" is "پوشک").
   */
  private String name(List<Token> tokens, Hit hit, Lexicon lexicon) {
    int first = hit.start();
    int end = hit.end();
    while (first < end - 1 && lexicons.isStopword(tokens.get(first).key())) {
      first++;
    }
    while (end - 1 > first && lexicons.isStopword(tokens.get(end - 1).key())) {
      end--;
    }
    StringBuilder name = new StringBuilder();
    for (int i = first; i < end; i++) {
      String word = tokens.get(i).surface();
      name.append(name.length() == 0 ? "" : " ");
      name.append(i == end - 1 ? lexicon.singular(word) : word);
    }
    return name.toString();
  }

  /** Looks before the item ("2 bags of", "$500"), then after it ("5 garrafones", "size 4"). */
  private Item withQuantity(List<Token> tokens, int start, int end, String name, boolean[] used) {
    Quantity before = Quantity.before(tokens, start, lexicons);
    if (before != null) {
      before.markUsed(used);
      return new Item(name, before.amount(), before.unit());
    }
    Quantity after = Quantity.after(tokens, end, lexicons);
    if (after != null) {
      after.markUsed(used);
      return new Item(name, after.amount(), after.unit());
    }
    return Item.named(name);
  }

  /**
   * Amounts not attached to a known item: money ("$200", "200 dollars") and counted things ("4
   * tarps"). Returns whether any amount of money was found.
   */
  private boolean readLooseQuantities(
      List<Token> tokens, Lexicon lexicon, boolean[] used, Map<String, Item> items) {
    boolean money = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (lexicons.currency(token.key()) != null) {
        BigDecimal amount = neighbourNumber(tokens, i);
        if (amount != null) {
          money = true;
          if (!used[i]) {
            items.putIfAbsent(
                lexicon.moneyItem(),
                new Item(lexicon.moneyItem(), amount, lexicons.currency(token.key())));
          }
        }
        continue;
      }
      if (used[i] || Quantity.number(token, lexicons) == null) {
        continue;
      }
      Item counted = countedThing(tokens, i, lexicon, used);
      if (counted != null) {
        items.putIfAbsent(counted.name(), counted);
      }
    }
    return money;
  }

  private BigDecimal neighbourNumber(List<Token> tokens, int i) {
    BigDecimal next = i + 1 < tokens.size() ? Quantity.number(tokens.get(i + 1), lexicons) : null;
    return next != null ? next : i > 0 ? Quantity.number(tokens.get(i - 1), lexicons) : null;
  }

  private Item countedThing(List<Token> tokens, int i, Lexicon lexicon, boolean[] used) {
    int j = i + 1;
    String unit = null;
    if (j < tokens.size() && lexicons.unit(tokens.get(j).key()) != null) {
      unit = lexicons.unit(tokens.get(j).key());
      j++;
    }
    if (j < tokens.size() && lexicons.isLinkWord(tokens.get(j).key())) {
      j++;
    }
    if (j >= tokens.size() || used[j]) {
      return null;
    }
    Token thing = tokens.get(j);
    String key = thing.key();
    boolean word = !thing.isNumber() && key.length() > 2 && Character.isLetter(key.charAt(0));
    if (!word || lexicons.isStopword(key) || lexicons.currency(key) != null) {
      return null;
    }
    used[i] = true;
    used[j] = true;
    return new Item(
        lexicon.singular(thing.surface()), Quantity.number(tokens.get(i), lexicons), unit);
  }
}
