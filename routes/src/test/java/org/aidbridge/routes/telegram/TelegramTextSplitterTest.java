package org.aidbridge.routes.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TelegramTextSplitterTest {

  @Test
  void shortTextIsOnePart() {
    assertThat(TextSplitter.split("hello", 4096)).containsExactly("hello");
  }

  @Test
  void longTextIsCutAtParagraphsAndEveryPartFits() {
    String paragraph = "word ".repeat(300).strip();
    String text = String.join("\n\n", paragraph, paragraph, paragraph, paragraph);

    List<String> parts = TextSplitter.split(text, 4096);

    assertThat(parts).hasSize(2).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
    assertThat(parts.get(0)).endsWith("word").doesNotContain("\n\n\n");
    assertThat(String.join("\n\n", parts)).isEqualTo(text);
  }

  @Test
  void textWithoutBreaksIsCutAtSpacesThenAnywhere() {
    String words = "abcdefghi ".repeat(1000);
    String solid = "x".repeat(9000);

    assertThat(TextSplitter.split(words, 4096))
        .allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(4096).doesNotStartWith(" "));
    assertThat(TextSplitter.split(solid, 4096))
        .extracting(String::length)
        .containsExactly(4096, 4096, 808);
  }

  @Test
  void surrogatePairsAreNeverCut() {
    String text = "a" + "😀".repeat(3000);

    List<String> parts = TextSplitter.split(text, 4096);

    assertThat(String.join("", parts)).isEqualTo(text);
    assertThat(parts).allSatisfy(p -> assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse());
  }
}
