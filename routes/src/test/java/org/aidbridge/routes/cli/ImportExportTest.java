package org.aidbridge.routes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportExportTest {
  static final String SHEET =
      String.join(
          "\n",
          "id,kind,category,place,contact,created,text",
          "n1,need,medicine,Portland,Ana@Example.org,2026-03-01,Insulin for my son",
          "o1,offer,medicine,Portland,+1 555 0100,2026-03-01T12:00:00Z,I have spare insulin",
          "n2,need,snacks,Portland,,,chips please",
          ",want,food,,,,rice",
          "o2,,,,,,",
          ",offer,food;water,Flint,,,\"two cases of water,",
          "and rice\"",
          "");

  @TempDir Path dir;
  Cli cli;
  Path sheet;

  @BeforeEach
  void writeSheet() throws IOException {
    cli = new Cli(dir);
    sheet = dir.resolve("sheet.csv");
    Files.writeString(sheet, SHEET);
  }

  @Test
  void goodRowsAreImportedAndBadRowsReportedWithTheirLineNumbers() {
    Cli.Result result = cli.run("import", "sheet.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out().strip()).isEqualTo("3 imported, 0 already there, 3 with problems");
    assertThat(result.errLines())
        .containsExactly(
            "sheet.csv: line 4: unknown category 'snacks' (known: food, water, medicine,"
                + " medical-supplies, bail-legal, housing-shelter, transport, money, childcare,"
                + " clothing, hygiene, phone-internet, pets, mental-health, skills-labor, other)",
            "sheet.csv: line 5: kind must be need or offer, not 'want'",
            "sheet.csv: line 6: the text is empty");
  }

  @Test
  void importingTheSameFileAgainAddsNothing() {
    cli.run("import", "sheet.csv");

    Cli.Result again = cli.run("import", "sheet.csv");

    assertThat(again.out().strip()).isEqualTo("0 imported, 3 already there, 3 with problems");
    assertThat(cli.run("export").outLines()).hasSize(1 + 3 + 1); // header, rows, wrapped text
  }

  @Test
  void aRowRepeatedInTheSameFileIsImportedOnceWithOrWithoutAnId() throws IOException {
    Files.writeString(
        sheet,
        String.join(
            "\n",
            "id,kind,category,place,text",
            "r1,need,food,Portland,need rice",
            ",need,water,Portland,need water",
            "r1,need,food,Portland,need rice again under the same id",
            ",need,water,Portland,need water",
            ""));

    Cli.Result result = cli.run("import", "sheet.csv");

    assertThat(result.out().strip()).isEqualTo("2 imported, 2 already there, 0 with problems");
    assertThat(cli.run("export").outLines()).hasSize(1 + 2);
  }

  @Test
  void aRowWhoseIdAListingAlreadyHasIsAlreadyThereEvenInAnotherFile() throws IOException {
    cli.run("import", "sheet.csv");
    Files.writeString(sheet, "id,kind,category,place,text\nn1,need,food,Portland,other words\n");

    Cli.Result result = cli.run("import", "sheet.csv");

    assertThat(result.out().strip()).isEqualTo("0 imported, 1 already there, 0 with problems");
  }

  @Test
  void exportLeavesContactsOutUnlessAskedFor() {
    cli.run("import", "sheet.csv");

    Cli.Result plain = cli.run("export");
    Cli.Result withContacts = cli.run("export", "--include-contacts");

    assertThat(plain.exitCode()).isZero();
    assertThat(plain.outLines().get(0))
        .isEqualTo("ref,id,kind,category,items,place,urgency,status,created,expires,text");
    assertThat(plain.out())
        .contains(",n1,need,medicine,")
        .contains("Insulin for my son")
        .contains("2026-03-01T00:00:00Z")
        .doesNotContain("ana@example.org")
        .doesNotContain("555");
    assertThat(withContacts.outLines().get(0)).endsWith(",text,contact");
    assertThat(withContacts.out()).contains("ana@example.org").contains("+1 555 0100");
  }

  @Test
  void aMultiLineCellKeepsItsNewlineAndTheNextRowsLineNumberIsRight() throws IOException {
    Files.writeString(
        sheet,
        String.join(
            "\n",
            "text,kind,category",
            "\"two cases of water,",
            "and rice\",offer,water",
            "nothing here,maybe,food",
            ""));

    Cli.Result result = cli.run("import", "sheet.csv");

    assertThat(result.out().strip()).isEqualTo("1 imported, 0 already there, 1 with problems");
    assertThat(result.err()).contains("line 4: kind must be need or offer");
  }

  @Test
  void aFileWithoutATextColumnIsRefusedAsAWhole() throws IOException {
    Files.writeString(sheet, "id,kind\n1,need\n");

    Cli.Result result = cli.run("import", "sheet.csv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).singleElement().asString().contains("no 'text' column");
  }

  @Test
  void aFileBrokenPartWayKeepsTheBatchesStoredBeforeAndAFixedFilePicksUpFromThere()
      throws IOException {
    StringBuilder csv = new StringBuilder("id,kind,category,place,text\n");
    for (int i = 0; i < 2500; i++) {
      csv.append("r").append(i).append(",need,food,Portland,need rice for family ").append(i);
      csv.append('\n');
    }
    Files.writeString(sheet, csv + "r2500,need,food,Portland,\"never closed\n");

    Cli.Result broken = cli.run("import", "sheet.csv");

    assertThat(broken.exitCode()).isNotZero();
    // Rows are parsed ahead on another thread; the two full batches before the break are stored.
    assertThat(cli.run("export").outLines()).hasSize(1 + 2 * ListingImporter.BATCH);
    Files.writeString(sheet, csv);
    assertThat(cli.run("import", "sheet.csv").out().strip())
        .isEqualTo("500 imported, 2000 already there, 0 with problems");
  }

  @Test
  void aFewThousandRowsImportInSeconds() throws IOException {
    StringBuilder csv = new StringBuilder("id,kind,category,place,text\n");
    for (int i = 0; i < 3000; i++) {
      String kind = i % 2 == 0 ? "need" : "offer";
      csv.append("r")
          .append(i)
          .append(',')
          .append(kind)
          .append(",food,Portland,")
          .append(kind.equals("need") ? "need rice for family " : "can give rice bag ")
          .append(i)
          .append('\n');
    }
    Files.writeString(sheet, csv);

    long start = System.nanoTime();
    Cli.Result result = cli.run("import", "sheet.csv");
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;

    assertThat(result.out().strip()).isEqualTo("3000 imported, 0 already there, 0 with problems");
    assertThat(seconds).isLessThan(60);

    List<String> matches = cli.run("matches", "--json", "--top", "2").outLines();
    assertThat(matches).hasSize(1500 * 2);
  }
}
