package org.aidbridge.routes.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoardCsvTest {

  @Test
  void cellsAreQuotedAndAFormulaIsNeverRunByASpreadsheet() {
    assertThat(BoardCsv.cell("2 bag rice")).isEqualTo("\"2 bag rice\"");
    assertThat(BoardCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(BoardCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(BoardCsv.cell("-1")).isEqualTo("\"'-1\"");
  }
}
