package org.aidbridge.routes.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** The dashboard's words in English, Spanish and Persian ({@code web/i18n/web_*.properties}). */
final class WebText {
  static final List<String> LANGUAGES = List.of("en", "es", "fa");
  private static final Map<String, Properties> BUNDLES =
      Map.of("en", load("en"), "es", load("es"), "fa", load("fa"));

  private final String language;

  private WebText(String language) {
    this.language = language;
  }

  static WebText of(String language) {
    return new WebText(LANGUAGES.contains(language) ? language : "en");
  }

  String language() {
    return language;
  }

  /** Persian is written right to left. */
  String direction() {
    return language.equals("fa") ? "rtl" : "ltr";
  }

  String get(String key, Object... args) {
    String pattern = BUNDLES.get(language).getProperty(key);
    if (pattern == null) {
      pattern = BUNDLES.get("en").getProperty(key, key);
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
  }

  private static Properties load(String language) {
    String name = "/web/i18n/web_" + language + ".properties";
    try (InputStream in = WebText.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing " + name);
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
