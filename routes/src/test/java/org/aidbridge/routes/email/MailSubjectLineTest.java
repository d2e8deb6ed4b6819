package org.aidbridge.routes.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailSubjectLineTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "NEED: insulin",
        "need:insulin",
        "Offer: 2 bags of rice",
        "/need insulin",
        "/OFFER rice",
        "Fwd: NEED: insulin",
        "Necesito: pañales",
        "Ofrezco: arroz",
        "نیاز: انسولین",
        "پیشنهاد: برنج"
      })
  void needAndOfferFormsAreRecognised(String subject) {
    assertThat(SubjectLine.isListingForm(subject)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Need to talk", "offer", "NEED:", "Hello", "Match found for N-7K2: rice"})
  void otherSubjectsAreNotForms(String subject) {
    assertThat(SubjectLine.isListingForm(subject)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "'Re: RE: Fwd: need: water', 'need: water'",
    "'AW: Re[2]: hello', 'hello'",
    "'  plain  ', 'plain'"
  })
  void replyAndForwardPrefixesAreRemoved(String subject, String expected) {
    assertThat(SubjectLine.withoutPrefixes(subject)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "'Match found for N-7K2: rice', 'Re: Match found for N-7K2: rice'",
    "'Re: Match', 'Re: Match'",
    "'RE: Match', 'RE: Match'"
  })
  void answersGetReOnce(String subject, String expected) {
    assertThat(SubjectLine.reply(subject)).isEqualTo(expected);
  }
}
