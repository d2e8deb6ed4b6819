package org.aidbridge.bot.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gazetteer kept beside the jar: mapped back, it answers exactly as the table just read from
 * the shipped resource; a file of another build, a damaged one or one cut short is not used.
 */
class PlaceTableFileTest {
  private static final long BUILD = 0x5eed_0001L;
  private static byte[] layout;
  private static PlaceTable fromResource;

  @TempDir Path dir;

  @BeforeAll
  static void readResource() throws IOException {
    try (InputStream in =
        PlaceTableFileTest.class.getResourceAsStream("/gazetteer/places.tsv.gz")) {
      layout = PlaceTableBuilder.read(in);
    }
    fromResource = PlaceTable.of(ByteBuffer.wrap(layout));
  }

  @Test
  void aKeptTableAnswersEveryPlaceAndNameAsTheResourceDoes() {
    Path file = dir.resolve("aidbridge.jar.gazetteer");
    assertThat(PlaceTableFile.write(file, BUILD, layout)).isTrue();

    PlaceTable kept = PlaceTableFile.read(file, BUILD).orElseThrow();

    assertThat(kept.size()).isEqualTo(fromResource.size()).isEqualTo(135_233);
    assertThat(kept.names()).isEqualTo(fromResource.names());
    for (int place = 0; place < kept.size(); place++) {
      assertThat(describe(kept, place)).isEqualTo(describe(fromResource, place));
      String key = NameNormalizer.normalize(kept.name(place));
      assertThat(kept.lookup(key)).containsExactly(fromResource.lookup(key));
      assertThat(kept.lookup(key)).as("own name of %s", kept.name(place)).isNotEmpty();
    }
    int[] shiraz = kept.lookup("شیراز");
    assertThat(Arrays.stream(shiraz).mapToObj(e -> kept.name(e >>> 1))).contains("Shiraz");
    String skeleton = Skeletons.latin("shiraz");
    assertThat(kept.lookupSkeleton(skeleton))
        .isNotEmpty()
        .containsExactly(fromResource.lookupSkeleton(skeleton));
    assertThat(kept.contains(NameHash.of("no such town anywhere"))).isFalse();
  }

  @Test
  void aFileOfAnotherBuildIsNotUsed() {
    Path file = dir.resolve("aidbridge.jar.gazetteer");
    PlaceTableFile.write(file, BUILD, layout);

    assertThat(PlaceTableFile.read(file, BUILD + 1)).isEmpty();
  }

  @Test
  void aDamagedFileOrOneCutShortIsNotUsed() throws IOException {
    Path file = dir.resolve("aidbridge.jar.gazetteer");
    PlaceTableFile.write(file, BUILD, layout);
    byte[] whole = Files.readAllBytes(file);

    byte[] damaged = whole.clone();
    damaged[whole.length / 2] ^= 1;
    Files.write(file, damaged);
    assertThat(PlaceTableFile.read(file, BUILD)).isEmpty();

    Files.write(file, Arrays.copyOf(whole, whole.length - 100));
    assertThat(PlaceTableFile.read(file, BUILD)).isEmpty();

    Files.write(file, new byte[] {1, 2, 3});
    assertThat(PlaceTableFile.read(file, BUILD)).isEmpty();

    assertThat(PlaceTableFile.read(dir.resolve("missing"), BUILD)).isEmpty();
  }

  @Test
  void aLayoutThatIsNotWholeIsRefusedRatherThanHalfUsed() {
    ByteBuffer cut = ByteBuffer.wrap(Arrays.copyOf(layout, layout.length - 4));
    assertThatThrownBy(() -> PlaceTable.of(cut)).isInstanceOf(RuntimeException.class);

    ByteBuffer longer = ByteBuffer.wrap(Arrays.copyOf(layout, layout.length + 4));
    assertThatThrownBy(() -> PlaceTable.of(longer)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFileThatCannotBeWrittenIsSaidSo() {
    Path inMissingDirectory = dir.resolve("no/such/dir/aidbridge.jar.gazetteer");

    assertThat(PlaceTableFile.write(inMissingDirectory, BUILD, layout)).isFalse();
  }

  private static String describe(PlaceTable table, int place) {
    return String.join(
        "|",
        table.name(place),
        table.country(place),
        table.admin1(place),
        Double.toString(table.lat(place)),
        Double.toString(table.lon(place)),
        Integer.toString(table.population(place)));
  }
}
