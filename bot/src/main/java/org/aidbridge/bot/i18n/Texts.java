package org.aidbridge.bot.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every sentence the bot says, in every language it speaks. The texts live in {@code
 * i18n/messages_<lang>.properties} (UTF-8); a key missing in a language falls back to English.
 */
public final class Texts {
  /** The languages every reply exists in. */
  public static final Set<String> LANGUAGES = Set.of("en", "es", "fa");

  public static final String FALLBACK = "en";

  private static final Map<String, Properties> BUNDLES = new ConcurrentHashMap<>();
  // A pattern parsed once (each answer formats several); a MessageFormat is not safe to share
  // between threads, so each use formats a copy.
  private static final Map<String, MessageFormat> FORMATS = new ConcurrentHashMap<>();
  // How a format writes a number given without a format of its own: one per thread, as above.
  private static final ThreadLocal<NumberFormat> NUMBERS =
      ThreadLocal.withInitial(() -> NumberFormat.getInstance(Locale.ROOT));

  private Texts() {}

  /** The sentence {@code key} in {@code language}, with {@code {0}}-style arguments filled in. */
  public static String get(String language, String key, Object... args) {
    String pattern = pattern(language, key);
    MessageFormat format = FORMATS.computeIfAbsent(pattern, p -> new MessageFormat(p, Locale.ROOT));
    return ((MessageFormat) format.clone()).format(numbersWritten(format, args));
  }

  /**
   * The arguments with each number written as the format would write it ({@link
   * NumberFormat#getInstance} of its locale, for an argument without a format of its own), through
   * one number format per thread: the format makes a new one (symbols, pattern) for every number it
   * writes, which took twice as long as the rest of the formatting. A pattern that gives any
   * argument a format ({@code {0,number,#}}, {@code {0,choice,...}}) gets its arguments untouched.
   */
  private static Object[] numbersWritten(MessageFormat format, Object[] args) {
    Object[] written = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof Number number) {
        if (written == null) {
          if (hasFormats(format)) {
            return args;
          }
          written = args.clone();
        }
        written[i] = NUMBERS.get().format(number);
      }
    }
    return written == null ? args : written;
  }

  private static boolean hasFormats(MessageFormat format) {
    for (java.text.Format each : format.getFormats()) {
      if (each != null) {
        return true;
      }
    }
    return false;
  }

  /** The pattern of the sentence {@code key} in {@code language}, or in English. */
  static String pattern(String language, String key) {
    String pattern = bundle(supported(language)).getProperty(key);
    if (pattern == null) {
      pattern = bundle(FALLBACK).getProperty(key);
    }
    if (pattern == null) {
      throw new IllegalArgumentException("no text for key " + key);
    }
    return pattern;
  }

  /** The language itself when the bot speaks it, else English. */
  public static String supported(String language) {
    String base = baseLanguage(language);
    return base != null && LANGUAGES.contains(base) ? base : FALLBACK;
  }

  /** {@code pt-BR} is {@code pt}; null stays null. */
  public static String baseLanguage(String language) {
    if (language == null) {
      return null;
    }
    String base = language.toLowerCase(Locale.ROOT).replace('_', '-');
    int dash = base.indexOf('-');
    return dash > 0 ? base.substring(0, dash) : base;
  }

  /** The keys of a language's file, for tests that check every language has every text. */
  public static Set<String> keys(String language) {
    return bundle(language).stringPropertyNames();
  }

  private static Properties bundle(String language) {
    return BUNDLES.computeIfAbsent(language, Texts::load);
  }

  private static Properties load(String language) {
    Properties props = new Properties();
    String path = "/i18n/messages_" + language + ".properties";
    try (InputStream in = Texts.class.getResourceAsStream(path)) {
      if (in != null) {
        props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return props;
  }
}
