package org.aidbridge.routes.cli;

import java.util.List;

/**
 * What an import did.
 *
 * @param imported rows stored as new listings
 * @param alreadyThere rows skipped because an earlier import (or an earlier row) stored them
 * @param problems one entry per bad row, {@code line N: what is wrong}, in file order
 */
record ImportReport(int imported, int alreadyThere, List<String> problems) {

  ImportReport {
    problems = List.copyOf(problems);
  }

  String summary() {
    return imported
        + " imported, "
        + alreadyThere
        + " already there, "
        + problems.size()
        + " with problems";
  }
}
