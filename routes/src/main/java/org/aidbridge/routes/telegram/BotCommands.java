package org.aidbridge.routes.telegram;

import java.util.List;
import java.util.Map;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllGroupChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllPrivateChats;

/**
 * The command menu Telegram shows, in English (for everyone else), Spanish and Persian: private
 * chats get the commands of a person, groups those of a group.
 */
final class BotCommands {
  /** Command -> description per language; the first language is the default list. */
  private static final Map<String, List<String[]>> PRIVATE =
      Map.of(
          "en",
          List.of(
              cmd("start", "What AidBridge does"),
              cmd("need", "Ask for something you need"),
              cmd("offer", "Offer something you can give"),
              cmd("list", "Your open needs and offers"),
              cmd("done", "Mark a need or offer as done"),
              cmd("withdraw", "Take back a need or offer"),
              cmd("help", "How to use AidBridge")),
          "es",
          List.of(
              cmd("start", "Qué hace AidBridge"),
              cmd("need", "Pedir algo que necesitas"),
              cmd("offer", "Ofrecer algo que puedes dar"),
              cmd("list", "Tus pedidos y ofertas abiertos"),
              cmd("done", "Marcar un pedido u oferta como resuelto"),
              cmd("withdraw", "Retirar un pedido u oferta"),
              cmd("help", "Cómo usar AidBridge")),
          "fa",
          List.of(
              cmd("start", "AidBridge چه می‌کند"),
              cmd("need", "درخواست چیزی که نیاز دارید"),
              cmd("offer", "پیشنهاد چیزی که می‌توانید بدهید"),
              cmd("list", "درخواست‌ها و پیشنهادهای باز شما"),
              cmd("done", "علامت زدن به عنوان انجام‌شده"),
              cmd("withdraw", "پس گرفتن درخواست یا پیشنهاد"),
              cmd("help", "راهنمای AidBridge")));

  private static final Map<String, List<String[]>> GROUP =
      Map.of(
          "en",
          List.of(
              cmd("subscribe", "Admins: receive needs and offers for a place"),
              cmd("unsubscribe", "Admins: stop receiving them"),
              cmd("status", "What this group receives"),
              cmd("help", "How to use AidBridge")),
          "es",
          List.of(
              cmd("subscribe", "Admins: recibir pedidos y ofertas de un lugar"),
              cmd("unsubscribe", "Admins: dejar de recibirlos"),
              cmd("status", "Qué recibe este grupo"),
              cmd("help", "Cómo usar AidBridge")),
          "fa",
          List.of(
              cmd("subscribe", "مدیران: دریافت درخواست‌ها و پیشنهادهای یک مکان"),
              cmd("unsubscribe", "مدیران: توقف دریافت"),
              cmd("status", "این گروه چه دریافت می‌کند"),
              cmd("help", "راهنمای AidBridge")));

  private BotCommands() {}

  /** The setMyCommands requests: one per scope and language ("en" is the default list). */
  static List<SetMyCommands> requests() {
    return List.of("en", "es", "fa").stream()
        .flatMap(
            lang ->
                List.of(build(PRIVATE.get(lang), lang, false), build(GROUP.get(lang), lang, true))
                    .stream())
        .toList();
  }

  private static SetMyCommands build(List<String[]> commands, String lang, boolean group) {
    var builder =
        SetMyCommands.builder()
            .commands(commands.stream().map(c -> new BotCommand(c[0], c[1])).toList());
    builder.scope(
        group ? new BotCommandScopeAllGroupChats() : new BotCommandScopeAllPrivateChats());
    if (!"en".equals(lang)) {
      builder.languageCode(lang);
    }
    return builder.build();
  }

  private static String[] cmd(String name, String description) {
    return new String[] {name, description};
  }
}
