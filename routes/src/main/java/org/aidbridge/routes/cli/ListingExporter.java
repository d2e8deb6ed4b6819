package org.aidbridge.routes.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Item;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.store.Store;

/**
 * Writes every listing as CSV. The author's contact is a column only when asked for: an export is
 * easily passed around, and contacts are what puts people at risk.
 */
final class ListingExporter {
  static final List<String> COLUMNS =
      List.of(
          "ref",
          "id",
          "kind",
          "category",
          "items",
          "place",
          "urgency",
          "status",
          "created",
          "expires",
          "text");

  private final Store store;

  ListingExporter(Store store) {
    this.store = store;
  }

  /**
   * @return how many listings were written
   */
  int export(Writer out, boolean includeContacts) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder();
    COLUMNS.forEach(schema::addColumn);
    if (includeContacts) {
      schema.addColumn("contact");
    }
    int[] count = {0};
    try (SequenceWriter rows =
        new CsvMapper().writer(schema.build().withHeader()).writeValues(out)) {
      // Streamed: each listing is written as it is read, none are held.
      store.forEachListing(
          listing -> {
            try {
              rows.write(row(listing, includeContacts));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            count[0]++;
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return count[0];
  }

  private static List<String> row(Listing listing, boolean includeContacts) {
    List<String> cells = new ArrayList<>();
    cells.add(listing.ref());
    cells.add(listing.externalId() == null ? "" : listing.externalId());
    cells.add(lower(listing.kind().name()));
    cells.add(
        listing.categories().stream().sorted().map(Category::id).collect(Collectors.joining(";")));
    cells.add(
        listing.items().stream().map(ListingExporter::item).collect(Collectors.joining("; ")));
    cells.add(listing.place() == null ? "" : listing.place().display());
    cells.add(lower(listing.urgency().name()));
    cells.add(lower(listing.status().name()));
    cells.add(listing.createdAt().toString());
    cells.add(listing.expiresAt().toString());
    cells.add(listing.text());
    if (includeContacts) {
      cells.add(ImportIdentity.contactOf(listing.author()));
    }
    return cells;
  }

  private static String item(Item item) {
    if (item.quantity() == null) {
      return item.name();
    }
    String quantity = item.quantity().stripTrailingZeros().toPlainString();
    return item.unit() == null
        ? quantity + " " + item.name()
        : quantity + " " + item.unit() + " " + item.name();
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
