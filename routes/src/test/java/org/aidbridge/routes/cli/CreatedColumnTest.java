package org.aidbridge.routes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CreatedColumnTest {

  @Test
  void eachFormReadsAsTheInstantItWrites() {
    assertThat(CreatedColumn.read("2024-05-01")).isEqualTo("2024-05-01T00:00:00Z");
    assertThat(CreatedColumn.read(" 2024-05-01T14:30:00Z ")).isEqualTo("2024-05-01T14:30:00Z");
    assertThat(CreatedColumn.read("2024-05-01T14:30:00.250Z"))
        .isEqualTo("2024-05-01T14:30:00.250Z");
    assertThat(CreatedColumn.read("2024-05-01T14:30:00+02:00")).isEqualTo("2024-05-01T12:30:00Z");
    assertThat(CreatedColumn.read("2024-05-01 14:30")).isEqualTo("2024-05-01T14:30:00Z");
  }

  @Test
  void utcTimesReadAsJavaTimeReadsThem() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 20_000; i++) {
      String text =
          String.format(
              "%04d-%02d-%02dT%02d:%02d:%02dZ",
              random.nextInt(10_000),
              random.nextInt(14),
              random.nextInt(33),
              random.nextInt(26),
              random.nextInt(62),
              random.nextInt(62));
      Instant expected = javaTime(text);
      if (expected == null) {
        assertThatThrownBy(() -> CreatedColumn.read(text))
            .as(text)
            .isInstanceOf(IllegalArgumentException.class);
      } else {
        assertThat(CreatedColumn.read(text)).as(text).isEqualTo(expected);
      }
    }
  }

  @Test
  void whatIsNoTimeIsRefusedWithAnExample() {
    for (String bad :
        new String[] {
          "2024-13-01T10:00:00Z",
          "2023-02-29T10:00:00Z",
          "+024-05-01T10:00:00Z",
          "2024-05-01T1O:00:00Z",
          "2024-05-0:T10:00:00Z",
          "2024-05-01X10:00:00Z",
          "yesterday"
        }) {
      assertThatThrownBy(() -> CreatedColumn.read(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("such as 2024-05-01 or 2024-05-01T14:30:00Z")
          .hasMessageContaining(bad);
    }
  }

  private static Instant javaTime(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }
}
