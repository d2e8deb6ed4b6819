package org.aidbridge.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.aidbridge.bot.model.Place;
import org.junit.jupiter.api.Test;

class EscalationRingTest {
  private static final Place PORTLAND = new Place("Portland", "Portland", "US", 45.5152, -122.6784);
  private static final Place SALEM = new Place("Salem", "Salem", "US", 44.9429, -123.0351);
  private static final Place TORONTO = new Place("Toronto", "Toronto", "CA", 43.6532, -79.3832);

  @Test
  void ringsAreReadFromTheirConfiguredForm() {
    assertThat(EscalationRing.parseAll(" 25km@0h, 150 km @ 24h ,country@3d"))
        .containsExactly(
            EscalationRing.km(25, Duration.ZERO),
            EscalationRing.km(150, Duration.ofHours(24)),
            EscalationRing.country(Duration.ofDays(3)));
    assertThat(EscalationRing.parseAll("")).isEmpty();
    assertThat(EscalationRing.km(12.5, Duration.ofHours(6)).spec()).isEqualTo("12.5km@6h");
    assertThat(BotSettings.DEFAULT.escalationRings())
        .extracting(EscalationRing::spec)
        .containsExactly("25km@0h", "150km@24h", "country@72h");
  }

  @Test
  void badRingsAreRefusedByPosition() {
    assertThatThrownBy(() -> EscalationRing.parseAll("25km@0h,far@1h"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ring 2");
    assertThatThrownBy(() -> EscalationRing.parseAll("150km@0h,25km@24h"))
        .hasMessageContaining("farther than ring 1");
    assertThatThrownBy(() -> EscalationRing.parseAll("25km@24h,150km@1h"))
        .hasMessageContaining("must not come before ring 1");
    assertThatThrownBy(() -> EscalationRing.parseAll("country@1h,country@2h"))
        .hasMessageContaining("farther");
  }

  @Test
  void aRingReachesGroupsWithinItsRadiusOrItsCountry() {
    assertThat(EscalationRing.km(150, Duration.ZERO).reaches(PORTLAND, SALEM)).isTrue();
    assertThat(EscalationRing.km(25, Duration.ZERO).reaches(PORTLAND, SALEM)).isFalse();
    assertThat(EscalationRing.country(Duration.ZERO).reaches(PORTLAND, SALEM)).isTrue();
    assertThat(EscalationRing.country(Duration.ZERO).reaches(PORTLAND, TORONTO)).isFalse();
  }

  @Test
  void aTravellingNeedsDelayIsHalfTheRingsAsDurationDividesIt() {
    for (Duration after :
        new Duration[] {
          Duration.ZERO,
          Duration.ofHours(24),
          Duration.ofHours(72),
          Duration.ofSeconds(7),
          Duration.ofSeconds(7, 3),
          Duration.ofSeconds(1, 999_999_999),
          Duration.ofNanos(1),
          Duration.ofDays(999_999)
        }) {
      assertThat(EscalationRing.country(after).travellingAfter())
          .as("half of %s", after)
          .isEqualTo(after.dividedBy(2));
    }
  }
}
