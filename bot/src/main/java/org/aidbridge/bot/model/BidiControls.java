package org.aidbridge.bot.model;

import java.util.regex.Pattern;

/**
 * Invisible Unicode characters that change the order in which text is shown: embeddings and
 * overrides (U+202A to U+202E), isolates (U+2066 to U+2069) and the marks (U+200E, U+200F, U+061C).
 * With them, "I paid $100" can be written to display as anything; a message the bot passes on from
 * one person to another or into a group must show what it says. Joiners such as U+200C, which
 * Persian needs, stay.
 */
public final class BidiControls {
  private static final Pattern CONTROLS =
      Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]");

  private BidiControls() {}

  /** The text without bidirectional controls. */
  public static String strip(String text) {
    return text == null ? null : CONTROLS.matcher(text).replaceAll("");
  }
}
