package org.aidbridge.bot.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextsTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

  @ParameterizedTest
  @ValueSource(strings = {"es", "fa"})
  void everyReplyExistsInEveryLanguageWithTheSamePlaceholders(String language) {
    assertThat(Texts.keys(language)).containsExactlyInAnyOrderElementsOf(Texts.keys("en"));
    for (String key : Texts.keys("en")) {
      assertThat(placeholders(Texts.get(language, key, "A", "B", "C", "D", "E", "F", "G")))
          .as("%s in %s", key, language)
          .isEmpty();
      assertThat(placeholders(raw(language, key))).as(key).isEqualTo(placeholders(raw("en", key)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "es", "fa"})
  void numbersAreWrittenAsTheMessageFormatWritesThem(String language) {
    Object[][] argumentSets = {
      {1234567, 2.5, 0.125, 3L, -7, 1.005, 12, 0, 999999.9999, "x"},
      {"a", 41, "b", 1e9, 7, 2.0f, (short) 5, java.math.BigDecimal.TEN, 100L, 3},
    };
    for (String key : Texts.keys(language)) {
      String pattern = Texts.pattern(language, key);
      for (Object[] args : argumentSets) {
        assertThat(Texts.get(language, key, args))
            .as("%s in %s", key, language)
            .isEqualTo(new java.text.MessageFormat(pattern, java.util.Locale.ROOT).format(args));
      }
    }
    assertThat(Texts.get("en", "done.ok", 1234567)).isEqualTo("Closed 1,234,567. Thank you!");
  }

  @Test
  void unknownLanguagesFallBackToEnglish() {
    assertThat(Texts.supported("de")).isEqualTo("en");
    assertThat(Texts.supported(null)).isEqualTo("en");
    assertThat(Texts.supported("es-MX")).isEqualTo("es");
    assertThat(Texts.supported("fa_IR")).isEqualTo("fa");
  }

  @Test
  void fillsArgumentsAndKeepsApostrophes() {
    assertThat(Texts.get("en", "done.ok", "N-7K2")).isEqualTo("Closed N-7K2. Thank you!");
    assertThat(Texts.get("en", "welcome")).contains("anyone's contact details");
    assertThat(Texts.get("es", "subject.match", "N-7K2", "insulina"))
        .isEqualTo("Hay coincidencia para N-7K2: insulina");
  }

  private static String raw(String language, String key) {
    // Arguments that are themselves placeholders show which ones the pattern uses.
    return Texts.get(language, key, "{0}", "{1}", "{2}", "{3}", "{4}", "{5}", "{6}");
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
