package org.aidbridge.routes.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailHtmlToTextTest {

  @Test
  void paragraphsAndLineBreaksAreKept() {
    assertThat(HtmlToText.convert("<p>need: insulin</p><p>in Portland<br>urgent</p>"))
        .isEqualTo("need: insulin\n\nin Portland\nurgent");
  }

  @Test
  void scriptsStylesAndTagsAreRemovedAndEntitiesDecoded() {
    String html =
        "<html><head><style>b{}</style><title>t</title></head><body>"
            + "<script>var x = 1;</script><b>Rice</b> &amp; beans&nbsp;&mdash; <i>2&#160;kg</i>"
            + "</body></html>";

    assertThat(HtmlToText.convert(html)).isEqualTo("Rice & beans — 2 kg");
  }

  @Test
  void listItemsAndTableRowsAreLines() {
    String html =
        "<ul><li>rice</li><li>beans</li></ul><table><tr><td>water</td><td>5 l</td></tr></table>";

    assertThat(HtmlToText.convert(html)).isEqualTo("rice\nbeans\nwater 5 l");
  }

  @Test
  void quotedEarlierMessagesAreDropped() {
    String html =
        "<div>Yes please</div><blockquote>I can give rice</blockquote>"
            + "<div class=\"gmail_quote\">On Monday X wrote: offer rice</div>";

    assertThat(HtmlToText.convert(html)).isEqualTo("Yes please");
  }

  @Test
  void outlookOriginalMessageIsDropped() {
    String html =
        "<div>Thanks!</div><hr><div id=\"divRplyFwdMsg\"><b>From:</b> AidBridge</div>"
            + "<div>I need rice in Oakland</div>";

    assertThat(HtmlToText.convert(html)).isEqualTo("Thanks!");
  }

  @Test
  void persianTextSurvives() {
    assertThat(HtmlToText.convert("<div dir=\"rtl\">نیاز: انسولین در تهران</div>"))
        .isEqualTo("نیاز: انسولین در تهران");
  }
}
