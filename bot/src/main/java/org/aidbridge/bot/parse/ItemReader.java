package org.aidbridge.bot.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
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
 * bail"). Weak words (the setting, such as "shelter" in "soap for the shelter", or a word of
 * another language) count only when no strong word names a category. A counted thing no lexicon
 * knows ("4 tarps") is still an item, and an amount of money makes the money category.
 */
final class ItemReader {

  /** The units of the lexicons that count time ({@code unit.hour}, {@code unit.hora}, ...). */
  private static final Set<String> TIME_UNITS = Set.of("hour", "hora", "ساعت");

  /**
   * Categories and items found, whether any quantity was stated, and whether a category was named
   * by a strong word (not only by settings or words of another language).
   */
  record Found(
      Set<Category> categories,
      List<Item> items,
      boolean hasQuantity,
      boolean strongCategory,
      BitSet concrete) {

    /** Whether a concrete thing (a strong category word, an amount, a counted thing) is at i. */
    boolean concreteAt(int i) {
      return concrete.get(i);
    }
  }

  private record Mention(Hit hit, boolean weak) {}

  private final Lexicons lexicons;

  ItemReader(Lexicons lexicons) {
    this.lexicons = lexicons;
  }

  Found read(List<Token> tokens, Lexicon lexicon) {
    List<Mention> mentions = mentions(tokens, lexicon);
    boolean[] used = new boolean[tokens.size()];
    for (Mention mention : mentions) {
      for (int i = mention.hit().start(); i < mention.hit().end(); i++) {
        used[i] = true;
      }
    }
    boolean anyStrong = mentions.stream().anyMatch(m -> !m.weak());
    BitSet concrete = new BitSet(tokens.size());
    for (Mention mention : mentions) {
      if (!(anyStrong && mention.weak())) {
        concrete.set(mention.hit().start(), mention.hit().end());
      }
    }
    boolean[] named = used.clone();
    Set<Category> categories = EnumSet.noneOf(Category.class);
    Map<String, Item> items = new LinkedHashMap<>();
    boolean moneyAttached = false;
    for (Mention mention : mentions) {
      if (anyStrong && mention.weak()) {
        continue;
      }
      Hit hit = mention.hit();
      String id = hit.tag().substring(Lexicon.CATEGORY_TAG.length());
      Category.fromId(id).ifPresent(categories::add);
      if (!hit.phrase().itemless()) {
        Item item = withQuantity(tokens, hit, name(tokens, hit, lexicon), used);
        moneyAttached |= lexicons.isCurrencyUnit(item.unit());
        items.merge(item.name(), item, (old, added) -> old.quantity() != null ? old : added);
      }
    }
    boolean looseMoney = readLooseQuantities(tokens, lexicon, used, items);
    if (looseMoney && !anyStrong) {
      // "$200 for rent": the amount says more than the setting words around it.
      categories.clear();
    }
    if (moneyAttached || looseMoney) {
      categories.add(Category.MONEY);
    }
    boolean hasQuantity = items.values().stream().anyMatch(i -> i.quantity() != null);
    for (int i = 0; i < used.length; i++) {
      if (used[i] && !named[i] && countedInDigits(tokens, used, i) && !timeSpan(tokens, i)) {
        concrete.set(i); // quantities and counted things in digits: "4 tarps", not "un rato"
      }
      if ((moneyAttached || looseMoney) && lexicons.currency(tokens.get(i).key()) != null) {
        concrete.set(i); // "$200"
      }
    }
    return new Found(
        categories,
        new ArrayList<>(items.values()),
        hasQuantity,
        anyStrong || looseMoney,
        concrete);
  }

  /** Category words of every lexicon, those inside longer ones dropped. */
  private List<Mention> mentions(List<Token> tokens, Lexicon primary) {
    List<Hit> all = new ArrayList<>();
    // Two lexicons may list the same word; which one found it is known by identity.
    Set<Hit> foreign = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Lexicon lexicon : lexicons.all()) {
      List<Hit> hits = lexicon.categories().findAll(tokens);
      all.addAll(hits);
      if (lexicon != primary) {
        foreign.addAll(hits);
      }
    }
    List<Mention> mentions = new ArrayList<>();
    for (Hit hit : Hits.maximal(all)) {
      mentions.add(new Mention(hit, hit.phrase().weak() || foreign.contains(hit)));
    }
    return mentions;
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

  /**
   * Hours counted ("necesito dormir 12 horas") measure a span of time, not a thing anyone gives; a
   * thing counted in hours ("3 hours of babysitting") is concrete through its own word.
   */
  private boolean timeSpan(List<Token> tokens, int i) {
    for (int j = Math.max(0, i - 1); j < Math.min(tokens.size(), i + 2); j++) {
      String unit = lexicons.unit(tokens.get(j).key());
      if (unit != null && TIME_UNITS.contains(unit)) {
        return true;
      }
    }
    return false;
  }

  private static boolean countedInDigits(List<Token> tokens, boolean[] used, int i) {
    for (int j = Math.max(0, i - 2); j <= i; j++) {
      if (used[j] && tokens.get(j).isNumber()) {
        return true;
      }
    }
    return false;
  }

  /** Looks before the item ("2 bags of", "$500"), then after it ("5 garrafones", "size 4"). */
  private Item withQuantity(List<Token> tokens, Hit hit, String name, boolean[] used) {
    Quantity before = Quantity.before(tokens, hit.start(), lexicons);
    if (before != null) {
      before.markUsed(used);
      return new Item(name, before.amount(), before.unit());
    }
    Quantity after = Quantity.after(tokens, hit.end(), lexicons);
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
      String currency = lexicons.currency(token.key());
      if (currency != null) {
        BigDecimal amount = neighbourNumber(tokens, i);
        if (amount != null) {
          money = true;
          if (!used[i]) {
            items.putIfAbsent(lexicon.moneyItem(), new Item(lexicon.moneyItem(), amount, currency));
          }
        }
        continue;
      }
      if (used[i] || Quantity.number(token, lexicons) == null) {
        continue;
      }
      if (i > 0 && lexicons.isSizeWord(tokens.get(i - 1).key())) {
        continue; // "سایز ۳۰", "talla 3": a size, never a count of the next word
      }
      Item counted = countedThing(tokens, i, lexicon, used);
      if (counted != null) {
        items.putIfAbsent(counted.name(), counted);
      }
    }
    return money;
  }

  /** "$500", "500 dollars", "10 mil dólares", "۳ میلیون تومان". */
  private BigDecimal neighbourNumber(List<Token> tokens, int i) {
    BigDecimal next = i + 1 < tokens.size() ? Quantity.number(tokens.get(i + 1), lexicons) : null;
    if (next != null || i == 0) {
      return next;
    }
    BigDecimal previous = Quantity.number(tokens.get(i - 1), lexicons);
    BigDecimal multiplier = lexicons.multiplier(tokens.get(i - 1).key());
    if (previous == null && multiplier != null && i >= 2) {
      BigDecimal base = Quantity.number(tokens.get(i - 2), lexicons);
      return base == null ? null : base.multiply(multiplier);
    }
    return previous;
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
    BigDecimal amount = Quantity.number(tokens.get(i), lexicons);
    return new Item(lexicon.singular(thing.surface()), amount, unit);
  }
}
