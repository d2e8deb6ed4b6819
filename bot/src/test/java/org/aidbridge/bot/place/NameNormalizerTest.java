package org.aidbridge.bot.place;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameNormalizerTest {

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Ciudad Juárez        | ciudad juarez
          CIUDAD JUAREZ        | ciudad juarez
          São Paulo            | sao paulo
          Zürich               | zurich
          Łódź                 | lodz
          Straße               | strasse
          İstanbul             | istanbul
          Winston-Salem        | winston salem
          St. Louis            | st louis
          '  Salt   Lake City ' | salt lake city
          Coeur d'Alene        | coeur d alene
          """)
  void foldsLatinNames(String written, String key) {
    assertThat(NameNormalizer.normalize(written)).isEqualTo(key);
  }

  @Test
  void foldsArabicYehAndKafToPersian() {
    assertThat(NameNormalizer.normalize("شيراز")).isEqualTo("شیراز");
    assertThat(NameNormalizer.normalize("كرمان")).isEqualTo("کرمان");
  }

  @Test
  void removesTashkeelAndTatweel() {
    assertThat(NameNormalizer.normalize("شِیرازِ")).isEqualTo("شیراز");
    assertThat(NameNormalizer.normalize("تهـــران")).isEqualTo("تهران");
  }

  @Test
  void foldsAlefVariantsAndTehMarbuta() {
    assertThat(NameNormalizer.normalize("أصفهان")).isEqualTo("اصفهان");
    assertThat(NameNormalizer.normalize("آبادان")).isEqualTo("ابادان");
    assertThat(NameNormalizer.normalize("مكة")).isEqualTo("مکه");
  }

  @Test
  void dropsZeroWidthNonJoinerSoBothSpellingsMatch() {
    assertThat(NameNormalizer.normalize("می\u200Cخواهم"))
        .isEqualTo(NameNormalizer.normalize("میخواهم"));
  }

  @Test
  void dropsBidiMarksAroundWords() {
    assertThat(NameNormalizer.normalize("\u200Fشیراز\u200E")).isEqualTo("شیراز");
  }

  @Test
  void turnsPersianAndArabicIndicDigitsIntoAscii() {
    assertThat(NameNormalizer.normalize("۳ بسته")).isEqualTo("3 بسته");
    assertThat(NameNormalizer.normalize("٣٤")).isEqualTo("34");
    assertThat(NameNormalizer.asciiDigits("۱۲ پتو، 3 kits")).isEqualTo("12 پتو، 3 kits");
  }

  @Test
  void givesEmptyKeyForNothingToMatch() {
    assertThat(NameNormalizer.normalize(null)).isEmpty();
    assertThat(NameNormalizer.normalize("  ,.!؟ ")).isEmpty();
  }

  @Property(tries = 300)
  void isIdempotent(@ForAll String text) {
    String once = NameNormalizer.normalize(text);
    assertThat(NameNormalizer.normalize(once)).isEqualTo(once);
  }

  @Property(tries = 300)
  void neverLeavesDoubleOrEdgeSpaces(@ForAll String text) {
    String key = NameNormalizer.normalize(text);
    assertThat(key).doesNotContain("  ").doesNotStartWith(" ").doesNotEndWith(" ");
  }
}
