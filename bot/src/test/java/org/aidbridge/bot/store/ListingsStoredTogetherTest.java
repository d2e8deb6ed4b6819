package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.ALICE;
import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listings stored together ({@link Store#insertListings}) are stored all or none: one the database
 * refuses (here through a trigger on its categories, after the listing's own row) leaves none of
 * them, nor any of their categories; their categories are filed as those of a listing stored alone.
 */
class ListingsStoredTogetherTest {
  @TempDir Path dir;

  @Test
  void aRefusedListingLeavesNoneOfTheOthersStored() throws SQLException {
    Path file = dir.resolve("bot.db");
    SqliteStore.open(file.toString()).close(); // the schema
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      other
          .createStatement()
          .execute(
              "CREATE TRIGGER refuse BEFORE INSERT ON listing_categories"
                  + " WHEN NEW.category = 'water' BEGIN SELECT RAISE(ABORT, 'refused'); END");
    }
    try (SqliteStore store = SqliteStore.open(file.toString())) {
      Listing kept = store.insertListing(draft(Kind.NEED, ALICE, Category.FOOD));

      assertThatThrownBy(
              () ->
                  store.insertListings(
                      List.of(
                          draft(Kind.NEED, ALICE, Category.FOOD),
                          draft(Kind.OFFER, BOB, Category.MEDICINE),
                          draft(Kind.OFFER, BOB, Category.WATER))))
          .isInstanceOf(StoreException.class);

      assertThat(store.allListings()).containsExactly(kept);
    }
  }

  @Test
  void theirCategoriesAreFiledUnderTheSameCellsAsOneStoredAlone() throws SQLException {
    Path file = dir.resolve("bot.db");
    Listing need = draft(Kind.NEED, ALICE, Category.FOOD, Category.MEDICINE);
    Listing unplaced = need.withDetails(need.categories(), null);
    try (SqliteStore store = SqliteStore.open(file.toString())) {
      List<Listing> alone = List.of(store.insertListing(need), store.insertListing(unplaced));
      List<Listing> together = store.insertListings(List.of(need, unplaced));

      for (int i = 0; i < alone.size(); i++) {
        assertThat(categoryRows(file, together.get(i).id()))
            .isEqualTo(categoryRows(file, alone.get(i).id()));
      }
      assertThat(categoryRows(file, alone.get(0).id()))
          .hasSize(2)
          .allSatisfy(row -> assertThat(row).doesNotEndWith("null"));
      assertThat(categoryRows(file, alone.get(1).id()))
          .allSatisfy(row -> assertThat(row).endsWith("null"));
    }
  }

  /** A listing's category rows as "category cell", in category order. */
  private static List<String> categoryRows(Path file, long listingId) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        var q =
            c.prepareStatement(
                "SELECT category, cell FROM listing_categories WHERE listing_id = ?"
                    + " ORDER BY category")) {
      q.setLong(1, listingId);
      List<String> rows = new java.util.ArrayList<>();
      try (var rs = q.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1) + " " + rs.getString(2));
        }
      }
      return rows;
    }
  }
}
