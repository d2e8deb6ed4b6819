package org.aidbridge.routes.web;

/** Writing HTML by hand, safely: everything that comes from data goes through {@link #esc}. */
final class Html {
  private Html() {}

  static String esc(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A hidden field. */
  static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"" + esc(name) + "\" value=\"" + esc(value) + "\">";
  }

  /** An {@code <option>}, selected when its value is {@code current}. */
  static String option(String value, String label, String current) {
    return "<option value=\""
        + esc(value)
        + "\""
        + (value.equals(current) ? " selected" : "")
        + ">"
        + esc(label)
        + "</option>";
  }
}
