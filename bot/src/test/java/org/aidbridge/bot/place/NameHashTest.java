package org.aidbridge.bot.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The gazetteer file's index was written from names' UTF-8 bytes; a scan hashes the message's words
 * from their chars, word by word. Both must give the same hash, or no name would ever be found.
 */
class NameHashTest {

  @Test
  void charsHashAsTheirUtf8Bytes() {
    for (String name :
        List.of("portland", "ciudad juarez", "شیراز", "تهران", "αθήνα", "東京", "a\uD83D\uDE00b")) {
      assertThat(NameHash.of(name)).as(name).isEqualTo(fromBytes(name));
    }
  }

  @Test
  void aLoneSurrogateHashesAsTheQuestionMarkGetBytesWrites() {
    assertThat(NameHash.of("a\uD800b")).isEqualTo(fromBytes("a\uD800b"));
    assertThat(NameHash.of("a\uDC00")).isEqualTo(fromBytes("a\uDC00"));
  }

  @Test
  void randomTextOfEveryPlaneHashesAsItsBytes() {
    Random random = new Random(7);
    for (int sample = 0; sample < 20_000; sample++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        int bound = random.nextBoolean() ? 0x800 : 0x11000;
        text.append((char) random.nextInt(bound));
      }
      assertThat(NameHash.of(text.toString())).isEqualTo(fromBytes(text.toString()));
    }
  }

  @Test
  void aNameOfSeveralWordsCanBeHashedOneWordAtATime() {
    long state = NameHash.feed(NameHash.START, "san");
    state = NameHash.feed(NameHash.step(state, ' '), "luis");
    state = NameHash.feed(NameHash.step(state, ' '), "potosí");

    assertThat(NameHash.finish(state)).isEqualTo(NameHash.of("san luis potosí"));
  }

  private static long fromBytes(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return NameHash.of(utf8, 0, utf8.length);
  }
}
