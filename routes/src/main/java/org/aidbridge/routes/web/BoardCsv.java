package org.aidbridge.routes.web;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Listing;

/** The board's current filter as CSV: the same columns, no person's identifier. */
final class BoardCsv {
  private static final String HEADER =
      "ref,kind,summary,categories,place,urgency,channel,created,waited_hours,ring,status,expires";

  private BoardCsv() {}

  static String of(WebContext context, BoardFilter filter) {
    Instant now = context.clock().instant();
    List<BoardRows.Row> rows = BoardRows.of(context.store(), filter, now);
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (BoardRows.Row row : rows) {
      Listing l = row.listing();
      csv.append(
              List.of(
                      l.ref(),
                      l.kind().name().toLowerCase(),
                      l.summary(),
                      l.categories().stream()
                          .map(Category::id)
                          .sorted()
                          .collect(Collectors.joining(" ")),
                      l.place() == null ? "" : l.place().display(),
                      l.urgency().name().toLowerCase(),
                      l.author().channel().id(),
                      l.createdAt().toString(),
                      Long.toString(row.waited().toHours()),
                      row.ring() < 0 ? "" : Integer.toString(row.ring() + 1),
                      l.status().name().toLowerCase(),
                      l.expiresAt().toString())
                  .stream()
                  .map(BoardCsv::cell)
                  .collect(Collectors.joining(",")))
          .append("\r\n");
    }
    return csv.toString();
  }

  /** Quoted; a cell a spreadsheet would run as a formula starts with a quote mark instead. */
  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
