package org.aidbridge.routes.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.store.Store;

/**
 * Imports listings from a spreadsheet's CSV: good rows are stored, bad rows reported with their
 * line numbers, and rows imported before are skipped. Rows are read as they are stored, a thousand
 * to a transaction, so a file of any size needs little memory; a failure keeps the batches stored
 * before it, and importing the file again picks up where it stopped (rows stored are skipped). The
 * rows are read and parsed a little ahead, on a thread of their own ({@link ParseAhead}).
 */
final class ListingImporter {
  private static final String STATE_PREFIX = "import:";
  static final int BATCH = 1_000;

  private final Store store;
  private final ImportRowMapper mapper;

  ListingImporter(Store store, ImportRowMapper mapper) {
    this.store = store;
    this.mapper = mapper;
  }

  ImportReport importCsv(Reader csv) throws IOException {
    Tally tally = new Tally();
    List<ParseAhead.Parsed> batch = new ArrayList<>(BATCH);
    try (ParseAhead rows = new ParseAhead(csv, mapper, 2 * BATCH)) {
      for (ParseAhead.Parsed row = rows.next(); !row.end(); row = rows.next()) {
        batch.add(row);
        if (batch.size() == BATCH) {
          storeBatch(batch, tally);
          batch.clear();
        }
      }
    }
    storeBatch(batch, tally);
    return new ImportReport(tally.imported, tally.alreadyThere, tally.problems);
  }

  /** What an import did so far. */
  private static final class Tally {
    int imported;
    int alreadyThere;
    final List<String> problems = new ArrayList<>();
  }

  /**
   * Stores a batch in one transaction. Which of its rows were imported before is asked in two
   * queries for the whole batch (not two per row); a row met twice in the batch is known from then
   * on as if it had been asked about. The new listings are stored together ({@link
   * Store#insertListings}), then each row's state.
   */
  private void storeBatch(List<ParseAhead.Parsed> batch, Tally tally) {
    if (batch.isEmpty()) {
      return;
    }
    store.inTransaction(
        () -> {
          List<String> keys = new ArrayList<>(batch.size());
          Set<String> externalIds = new HashSet<>();
          for (ParseAhead.Parsed parsed : batch) {
            keys.add(STATE_PREFIX + parsed.row().identity());
            if (parsed.row().get("id") != null) {
              externalIds.add(parsed.row().get("id"));
            }
          }
          Set<String> storedKeys = new HashSet<>(store.stateKeysPresent(keys));
          Set<String> storedIds = new HashSet<>(store.externalIdsPresent(externalIds));
          List<Listing> drafts = new ArrayList<>();
          List<String> draftKeys = new ArrayList<>();
          for (int i = 0; i < batch.size(); i++) {
            Listing draft = toStore(batch.get(i), keys.get(i), storedKeys, storedIds, tally);
            if (draft != null) {
              drafts.add(draft);
              draftKeys.add(keys.get(i));
            }
          }
          List<Listing> stored = store.insertListings(drafts);
          for (int i = 0; i < stored.size(); i++) {
            if (ImportIdentity.synthetic(stored.get(i).author())) {
              store.setUnreachable(stored.get(i).author(), true);
            }
            store.putState(draftKeys.get(i), Long.toString(stored.get(i).id()));
          }
          tally.imported += stored.size();
          return null;
        });
  }

  /** The listing to store for a row, or null when it is already there or has a problem. */
  private static Listing toStore(
      ParseAhead.Parsed parsed,
      String key,
      Set<String> storedKeys,
      Set<String> storedIds,
      Tally tally) {
    ImportRow row = parsed.row();
    String externalId = row.get("id");
    if (storedKeys.contains(key) || (externalId != null && storedIds.contains(externalId))) {
      tally.alreadyThere++;
      return null;
    }
    if (parsed.listing() == null) {
      tally.problems.add("line " + row.line() + ": " + parsed.problem());
      return null;
    }
    storedKeys.add(key);
    if (externalId != null) {
      storedIds.add(externalId); // the listing's external id (ImportRowMapper)
    }
    return parsed.listing();
  }

  /** Reads the header, then hands on each row as it is read, with the line it starts on. */
  static void read(Reader csv, java.util.function.Consumer<ImportRow> each) throws IOException {
    CsvMapper csvMapper = new CsvMapper();
    try (MappingIterator<String[]> it =
        csvMapper.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(csv)) {
      if (!it.hasNextValue()) {
        throw new IllegalArgumentException("the file is empty: it needs a header row with 'text'");
      }
      String[] header = it.nextValue();
      List<String> columns = new ArrayList<>();
      for (String name : header) {
        columns.add(name.trim().toLowerCase(Locale.ROOT).replace('\uFEFF', ' ').trim());
      }
      if (!columns.contains("text")) {
        throw new IllegalArgumentException(
            "the header row has no 'text' column (columns: text, id, kind, category, place,"
                + " contact, created)");
      }
      long nextLine = it.getCurrentLocation().getLineNr();
      while (it.hasNextValue()) {
        long line = nextLine;
        String[] cells = it.nextValue();
        nextLine = it.getCurrentLocation().getLineNr();
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < cells.length && i < columns.size(); i++) {
          if (cells[i] != null && !cells[i].isBlank()) {
            values.put(columns.get(i), cells[i].trim());
          }
        }
        if (!values.isEmpty()) {
          each.accept(new ImportRow(line, values));
        }
      }
    }
  }
}
