package org.aidbridge.bot.command;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The commands, the same on every channel. Each has its English name (also typed as {@code /name})
 * and the words that mean the same in the other languages the bot speaks.
 */
public enum CommandName {
  START(Set.of("start", "hello", "hi", "hola", "سلام", "شروع")),
  HELP(Set.of("help", "ayuda", "راهنما", "کمک")),
  NEED(Set.of("need", "necesito", "necesidad", "نیاز")),
  OFFER(Set.of("offer", "ofrezco", "oferta", "پیشنهاد")),
  LIST(Set.of("list", "lista", "listado", "فهرست", "لیست")),
  DONE(Set.of("done", "hecho", "listo", "انجام")),
  WITHDRAW(Set.of("withdraw", "retirar", "cancelar", "لغو")),
  SUBSCRIBE(Set.of("subscribe", "suscribir", "عضویت")),
  UNSUBSCRIBE(Set.of("unsubscribe", "desuscribir", "لغو‌عضویت")),
  STATUS(Set.of("status", "estado", "وضعیت")),
  FORGET(Set.of("forget", "olvidar", "olvidame", "olvídame", "فراموش"));

  private final Set<String> words;

  CommandName(Set<String> words) {
    this.words = words;
  }

  /** The name typed after a slash, e.g. {@code need} for {@code /need}. */
  public String slashName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The command a word stands for, in any language. */
  public static Optional<CommandName> fromWord(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.words.contains(w)).findFirst();
  }
}
