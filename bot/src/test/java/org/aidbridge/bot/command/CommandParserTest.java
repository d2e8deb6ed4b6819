package org.aidbridge.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {
  private final CommandParser parser = new CommandParser();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/help|HELP|",
        "/help@AidBridgeBot|HELP|",
        "help|HELP|",
        "HELP|HELP|",
        "ayuda|HELP|",
        "راهنما|HELP|",
        "/need insulin in Portland|NEED|insulin in Portland",
        "/offer@AidBridgeBot 2 bags of rice|OFFER|2 bags of rice",
        "need: insulin|NEED|insulin",
        "OFFER: rice|OFFER|rice",
        "done N-7K2|DONE|N-7K2",
        "/done n7k2|DONE|n7k2",
        "withdraw O-X4P|WITHDRAW|O-X4P",
        "list|LIST|",
        "/subscribe Oakland 30 food|SUBSCRIBE|Oakland 30 food",
        "subscribe Oakland|SUBSCRIBE|Oakland",
        "/start|START|",
        "status|STATUS|",
      })
  void recognisesCommandsInEveryForm(String text, CommandName name, String args) {
    assertThat(parser.parse(text))
        .map(c -> new Command(c.name(), c.args()))
        .contains(new Command(name, args == null ? "" : args));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "need a ride to the clinic tomorrow",
        "offer still stands for anyone in Oakland",
        "done with the move, thanks all",
        "list of shelters is on the website",
        "help! our basement flooded",
        "status update: the road is open",
        "thanks everyone!",
        "",
        "/unknowncommand",
      })
  void leavesOrdinarySentencesToTheParser(String text) {
    assertThat(parser.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"ayuda,es", "lista,es", "راهنما,fa", "/ayuda,es", "help,", "/help,", "need: agua,"})
  void aSpanishOrPersianCommandWordTellsTheLanguage(String text, String language) {
    assertThat(parser.parse(text))
        .map(Command::language)
        .isEqualTo(java.util.Optional.ofNullable(language));
  }

  @Test
  void toleratesNullAndSurroundingSpace() {
    assertThat(parser.parse(null)).isEqualTo(Optional.empty());
    assertThat(parser.parse("  /list  ")).contains(new Command(CommandName.LIST, ""));
  }

  @ParameterizedTest
  @CsvSource({
    "forget confirm,FORGET,confirm",
    "olvidar confirmar,FORGET,confirmar",
    "فراموش تایید,FORGET,تایید",
    "link email:ana@example.org,LINK,email:ana@example.org",
    "link ana@example.org,LINK,ana@example.org",
    "link telegram:4242,LINK,telegram:4242",
    "vincular 7KQ2MX,LINK,7KQ2MX",
  })
  void forgetConfirmAndLinkToAnIdentityAreCommands(String text, String name, String args) {
    assertThat(parser.parse(text)).map(c -> c.name() + "|" + c.args()).contains(name + "|" + args);
  }

  @Test
  void forgetWithOtherWordsIsNoCommand() {
    assertThat(parser.parse("forget about it")).isEmpty();
    assertThat(parser.parse("link me up with someone")).isEmpty();
  }
}
