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
  REPLY(Set.of("reply", "responder", "پاسخ")),
  SHARE(Set.of("share", "compartir", "اشتراک")),
  LINK(Set.of("link", "vincular", "پیوند")),
  UNLINK(Set.of("unlink", "desvincular", "لغو‌پیوند")),
  BROADCAST(Set.of("broadcast", "difundir", "پخش")),
  CLOSE(Set.of("close", "cerrar", "بستن")),
  HIDE(Set.of("hide", "ocultar", "پنهان")),
  BAN(Set.of("ban", "bloquear", "مسدود")),
  STATS(Set.of("stats", "estadisticas", "estadísticas", "آمار")),
  DIGEST(Set.of("digest", "resumen", "خلاصه")),
  DASHBOARD(Set.of("dashboard", "panel", "داشبورد")),
  FORGET(Set.of("forget", "olvidar", "olvidame", "olvídame", "فراموش")),
  DEADLETTERS(Set.of("deadletters", "noentregados", "ارسال‌نشده")),
  RETRY(Set.of("retry", "reintentar", "ارسال‌دوباره"));

  private final Set<String> words;

  CommandName(Set<String> words) {
    this.words = words;
  }

  /** The name typed after a slash, e.g. {@code need} for {@code /need}. */
  public String slashName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The language a command word shows, or null when it does not tell: English words are typed by
   * everyone (Telegram's menu is in English), so only Spanish and Persian words decide.
   */
  public static String languageOfWord(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)) {
      return "fa";
    }
    boolean english =
        Arrays.stream(values()).anyMatch(c -> c.slashName().equals(w))
            || w.equals("hello")
            || w.equals("hi");
    return english || fromWord(w).isEmpty() ? null : "es";
  }

  /** The command a word stands for, in any language. */
  public static Optional<CommandName> fromWord(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.words.contains(w)).findFirst();
  }
}
