package org.aidbridge.routes.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.store.Store;

/**
 * Imports listings from a spreadsheet's CSV: good rows are stored, bad rows reported with their
 * line numbers, and rows imported before are skipped. All in one transaction, so a few thousand
 * rows take seconds and a failure leaves the store as it was.
 */
final class ListingImporter {
  private static final String STATE_PREFIX = "import:";

  private final Store store;
  private final ImportRowMapper mapper;

  ListingImporter(Store store, ImportRowMapper mapper) {
    this.store = store;
    this.mapper = mapper;
  }

  ImportReport importCsv(Reader csv) throws IOException {
    List<ImportRow> rows = read(csv);
    return store.inTransaction(() -> store(rows));
  }

  private ImportReport store(List<ImportRow> rows) {
    int imported = 0;
    int alreadyThere = 0;
    List<String> problems = new ArrayList<>();
    for (ImportRow row : rows) {
      String key = STATE_PREFIX + row.identity();
      String externalId = row.get("id");
      if (store.state(key).isPresent()
          || (externalId != null && store.listingByExternalId(externalId).isPresent())) {
        alreadyThere++;
        continue;
      }
      Listing draft;
      try {
        draft = mapper.toListing(row);
      } catch (IllegalArgumentException e) {
        problems.add("line " + row.line() + ": " + e.getMessage());
        continue;
      }
      Listing stored = store.insertListing(draft);
      if (ImportIdentity.synthetic(stored.author())) {
        store.setUnreachable(stored.author(), true);
      }
      store.putState(key, Long.toString(stored.id()));
      imported++;
    }
    return new ImportReport(imported, alreadyThere, problems);
  }

  /** Reads the header and the rows, keeping the line each row starts on. */
  static List<ImportRow> read(Reader csv) throws IOException {
    CsvMapper csvMapper = new CsvMapper();
    List<ImportRow> rows = new ArrayList<>();
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
          rows.add(new ImportRow(line, values));
        }
      }
    }
    return rows;
  }
}
