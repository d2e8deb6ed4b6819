package org.aidbridge.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YesNoTest {

  @Test
  void yesAndNoAreReadInEveryLanguageWithOrWithoutAReference() {
    assertThat(YesNo.read("Yes!")).contains(new YesNo(true, null));
    assertThat(YesNo.read("sí n7k2")).contains(new YesNo(true, "N-7K2"));
    assertThat(YesNo.read("بله")).contains(new YesNo(true, null));
    assertThat(YesNo.read("آره")).contains(new YesNo(true, null));
    assertThat(YesNo.read("no O-X4P")).contains(new YesNo(false, "O-X4P"));
    assertThat(YesNo.read("نه")).contains(new YesNo(false, null));
  }

  @Test
  void longerSentencesAreNotAnswers() {
    assertThat(YesNo.read("yes I still need rice in Portland")).isEmpty();
    assertThat(YesNo.read("no idea")).isEmpty();
    assertThat(YesNo.read("")).isEmpty();
  }
}
