package org.aidbridge.routes.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class WebTextTest {

  @Test
  void spanishAndPersianHaveEveryKeyEnglishHas() throws IOException {
    Properties en = load("en");
    for (String language : new String[] {"es", "fa"}) {
      assertThat(load(language).stringPropertyNames())
          .as(language)
          .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    }
  }

  @Test
  void persianIsWrittenRightToLeftAndAnUnknownLanguageFallsBackToEnglish() {
    assertThat(WebText.of("fa").direction()).isEqualTo("rtl");
    assertThat(WebText.of("es").direction()).isEqualTo("ltr");
    assertThat(WebText.of("xx").get("nav.board")).isEqualTo("Board");
    assertThat(WebText.of("es").get("broadcast.sent", 2)).isEqualTo("Enviado a 2 grupo(s).");
  }

  private static Properties load(String language) throws IOException {
    Properties p = new Properties();
    try (var in = WebText.class.getResourceAsStream("/web/i18n/web_" + language + ".properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
