package org.aidbridge.bot.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Urgency;

/** Whatever arrives, the parser answers, the same way every time, and quickly. */
class LexiconParserPropertiesTest {

  private static final ParseContext CONTEXT =
      ParseContext.at(Instant.parse("2026-11-24T10:00:00Z")).withLanguageHint("es");

  private final LexiconParser parser = LexiconParser.withoutPlaces();

  /** Words and marks the parser reacts to, so random messages reach its deeper paths. */
  private static final List<String> FRAGMENTS =
      List.of(
          "need",
          "NEED:",
          "/offer",
          "does anyone need",
          "no longer need",
          "$",
          "500",
          "bail",
          "2 bags of",
          "rice",
          "size",
          "4",
          "until",
          "Friday",
          "for",
          "3",
          "days",
          "urgent",
          "no rush",
          "necesito",
          "¿alguien necesita",
          "pañales",
          "talla",
          "hasta el lunes",
          "ya no",
          "نیاز",
          "داریم",
          "کسی",
          "لازم داره",
          "۳",
          "٣",
          "بسته",
          "پوشک",
          "تا",
          "سه‌شنبه",
          "برای",
          "روز",
          "فوری",
          "\u200C",
          "\u200F",
          "\u202E",
          "\u0640",
          "\u064B",
          "🙏",
          "👍🏽",
          "https://x.example/y",
          "\u0000",
          "\t",
          "\n",
          "?",
          "؟",
          ":",
          "ي",
          "ك",
          "1,000",
          "1.5");

  @Property(tries = 300)
  void neverThrowsAndAlwaysNamesALanguage(@ForAll("messages") String text) {
    ParsedMessage parsed = parser.parse(text, CONTEXT);
    assertThat(parsed).isNotNull();
    assertThat(parsed.language()).isIn("en", "es", "fa");
    assertThat(parsed.urgency()).isNotNull();
    if (parsed.isListing()) {
      assertThat(parsed.categories()).isNotEmpty();
    } else {
      assertThat(parsed.categories()).isEmpty();
    }
  }

  @Property(tries = 300)
  void isDeterministic(@ForAll("messages") String text) {
    assertThat(parser.parse(text, CONTEXT)).isEqualTo(parser.parse(text, CONTEXT));
    assertThat(LexiconParser.withoutPlaces().parse(text, CONTEXT))
        .isEqualTo(parser.parse(text, CONTEXT));
  }

  @Property(tries = 300)
  void handlesAnyUnicode(@ForAll @StringLength(max = 300) String text) {
    ParsedMessage parsed = parser.parse(text, CONTEXT);
    assertThat(parsed.language()).isNotNull();
    assertThat(parsed.items()).allSatisfy(item -> assertThat(item.name()).isNotBlank());
  }

  @Property(tries = 15)
  void longMessagesAreReadQuickly(@ForAll("longMessages") String text) {
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parser.parse(text, CONTEXT));
  }

  @Example
  void aTenThousandCharacterWordOrNumberIsHarmless() {
    String word = "a".repeat(10_000);
    String digits = "9".repeat(10_000);
    String persian = "پ".repeat(10_000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          assertThat(parser.parse(word, CONTEXT).isListing()).isFalse();
          assertThat(parser.parse("need " + digits + " bags of rice", CONTEXT).categories())
              .contains(Category.FOOD);
          assertThat(parser.parse(persian, CONTEXT).language()).isEqualTo("fa");
        });
  }

  @Example
  void directionMarksAndControlCharactersDoNotHideWords() {
    ParsedMessage parsed =
        parser.parse(
            "\u202Bنیاز:\u202C \u200Fپوشک\u0007 فوری\u0000", ParseContext.at(Instant.EPOCH));
    assertThat(parsed.categories()).containsExactly(Category.HYGIENE);
    assertThat(parsed.urgency()).isEqualTo(Urgency.HIGH);
  }

  @Provide
  Arbitrary<String> messages() {
    Arbitrary<String> fragment = Arbitraries.of(FRAGMENTS);
    Arbitrary<String> noise =
        Arbitraries.strings()
            .withCharRange('\u0000', '\u00FF')
            .withCharRange('\u0600', '\u06FF')
            .withCharRange('\u2000', '\u206F')
            .withChars('\uD83D', '\uDE4F', '\uFEFF', '\u200C')
            .ofMaxLength(6);
    Arbitrary<String> piece = Arbitraries.oneOf(fragment, noise);
    Arbitrary<List<String>> pieces = piece.list().ofMaxSize(25);
    return pieces.map(list -> String.join(" ", list));
  }

  @Provide
  Arbitrary<String> longMessages() {
    Arbitrary<List<String>> words = messages().list().ofMinSize(300).ofMaxSize(600);
    return Combinators.combine(words, Arbitraries.strings().ofLength(200))
        .as((list, tail) -> String.join(" ", list) + tail)
        .map(text -> text.length() > 10_000 ? text.substring(0, 10_000) : text);
  }
}
