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
