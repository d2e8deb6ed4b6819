package org.aidbridge.routes.email;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reduces an HTML mail to the text a person reads: paragraphs and line breaks kept, scripts, styles
 * and markup gone, entities decoded. Quoted earlier messages (blockquotes and the quote containers
 * mail programs add) are dropped here, because once flattened they no longer look like quotes.
 */
final class HtmlToText {
  private static final Set<String> BLOCKS =
      Set.of(
          "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "pre",
          "section", "article", "header", "footer", "dt", "dd", "hr", "address");

  /** Where mail programs put the earlier message when replying in HTML. */
  private static final String QUOTES =
      "blockquote, div.gmail_quote, div.moz-cite-prefix, div.yahoo_quoted,"
          + " div#mail-editor-reference-message-container";

  private HtmlToText() {}

  static String convert(String html) {
    Document doc = Jsoup.parse(html);
    dropEverythingAfterOutlookSeparator(doc);
    doc.select("script, style, head, title, noscript, template, " + QUOTES).remove();
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(new TextCollector(out), doc.body());
    return tidy(out.toString());
  }

  /**
   * Outlook puts the quoted original after a div#appendonsend or an hr inside div#divRplyFwdMsg.
   */
  private static void dropEverythingAfterOutlookSeparator(Document doc) {
    for (Element marker : doc.select("div[id^=divRplyFwdMsg], div[id=appendonsend]")) {
      Node next = marker.nextSibling();
      while (next != null) {
        Node after = next.nextSibling();
        next.remove();
        next = after;
      }
      marker.remove();
    }
  }

  private static final class TextCollector implements NodeVisitor {
    private final StringBuilder out;

    TextCollector(StringBuilder out) {
      this.out = out;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode text) {
        out.append(text.getWholeText().replace('\u00a0', ' ').replaceAll("\\s+", " "));
      } else if (node instanceof Element element) {
        String name = element.normalName();
        if (name.equals("br")) {
          out.append('\n');
        } else if (BLOCKS.contains(name)) {
          endLine();
        } else if (name.equals("td") || name.equals("th")) {
          out.append(' ');
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
        endLine();
        if (element.normalName().equals("p") && !endsWith("\n\n")) {
          out.append('\n');
        }
      }
    }

    /** A block starts and ends on its own line, without adding empty lines. */
    private void endLine() {
      if (out.length() > 0 && !endsWith("\n")) {
        out.append('\n');
      }
    }

    private boolean endsWith(String suffix) {
      return out.length() >= suffix.length()
          && out.substring(out.length() - suffix.length()).equals(suffix);
    }
  }

  /** One space between words, no space at line ends, at most one empty line in a row. */
  private static String tidy(String text) {
    StringBuilder out = new StringBuilder();
    int blank = 0;
    for (String line : text.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        blank++;
        continue;
      }
      if (out.length() > 0) {
        out.append(blank > 0 ? "\n\n" : "\n");
      }
      out.append(trimmed.replaceAll(" {2,}", " "));
      blank = 0;
    }
    return out.toString();
  }
}
