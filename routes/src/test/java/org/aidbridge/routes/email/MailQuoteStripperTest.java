package org.aidbridge.routes.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailQuoteStripperTest {

  @Test
  void quotedLinesAreDroppedAndInlineAnswersKept() {
    String body = "> Do you still need it?\nyes, 2 boxes\n> Where?\nin Tacoma\n";

    assertThat(QuoteStripper.newText(body)).isEqualTo("yes, 2 boxes\nin Tacoma");
  }

  @Test
  void englishAttributionEndsTheNewText() {
    String body = "I can bring it.\n\nOn Tue, Jun 4, 2024 at 9:00 AM Bot <aid@x.org> wrote:\nold";

    assertThat(QuoteStripper.newText(body)).isEqualTo("I can bring it.");
  }

  @Test
  void attributionWrappedOverTwoLinesEndsTheNewText() {
    String body =
        "Sure.\nOn Tue, Jun 4, 2024 at 9:00 AM AidBridge\n<aid@x.org> wrote:\n> need rice";

    assertThat(QuoteStripper.newText(body)).isEqualTo("Sure.");
  }

  @Test
  void spanishAttributionEndsTheNewText() {
    String body = "Listo.\nEl mar, 4 jun 2024 a las 9:00, AidBridge escribió:\nNecesito arroz";

    assertThat(QuoteStripper.newText(body)).isEqualTo("Listo.");
  }

  @Test
  void persianAttributionEndsTheNewText() {
    String body = "باشه\n\u202bعلی در تاریخ ۳ خرداد ۱۴۰۳ نوشت:\u202c\nنیاز: برنج";

    assertThat(QuoteStripper.newText(body)).isEqualTo("باشه");
  }

  @Test
  void outlookHeaderBlockEndsTheNewText() {
    String body =
        "On my way.\n________________________________\nFrom: AidBridge\nSent: Tuesday\n"
            + "To: me\nSubject: Match\n\nI need rice";

    assertThat(QuoteStripper.newText(body)).isEqualTo("On my way.");
  }

  @Test
  void outlookHeaderBlockWithoutSeparatorEndsTheNewText() {
    String body = "Ok\n\nDe: AidBridge <aid@x.org>\nEnviado: martes\nPara: yo\nAsunto: x\n\nold";

    assertThat(QuoteStripper.newText(body)).isEqualTo("Ok");
  }

  @Test
  void aLineStartingWithFromAloneIsKept() {
    String body = "From: the church on 5th street\nI can give 3 blankets";

    assertThat(QuoteStripper.newText(body)).isEqualTo(body);
  }

  @Test
  void signatureAfterDashDashSpaceIsDropped() {
    assertThat(QuoteStripper.newText("offer: soap\n-- \nJo Bloggs\n555-0199"))
        .isEqualTo("offer: soap");
  }

  @Test
  void dashDashWithoutSpaceIsASignatureOnlyWhenShort() {
    assertThat(QuoteStripper.newText("offer: soap\n--\nJo")).isEqualTo("offer: soap");
    String separated = "need: rice\n--\nalso water\nand soap\n1\n2\n3\n4\n5\n6";

    assertThat(QuoteStripper.newText(separated)).isEqualTo(separated);
  }

  @Test
  void phoneSignaturesAreDropped() {
    assertThat(QuoteStripper.newText("need: diapers\n\nSent from my iPhone"))
        .isEqualTo("need: diapers");
    assertThat(QuoteStripper.newText("need: diapers\nGet Outlook for Android"))
        .isEqualTo("need: diapers");
  }

  @Test
  void aSentenceAboutAPhoneIsNotASignature() {
    String body =
        "Sent from my iPhone I can share a charger and a spare cable if anyone needs one today";

    assertThat(QuoteStripper.newText(body)).isEqualTo(body);
  }

  @Test
  void emptyLinesAreTidied() {
    assertThat(QuoteStripper.newText("\n\n  \nneed: water\n\n\n\nin Flint\n\n"))
        .isEqualTo("need: water\n\nin Flint");
  }
}
