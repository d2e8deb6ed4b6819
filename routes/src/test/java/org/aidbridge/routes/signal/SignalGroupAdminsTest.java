package org.aidbridge.routes.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.aidbridge.bot.testing.MutableClock;
import org.junit.jupiter.api.Test;

class SignalGroupAdminsTest {
  private static final String NORTHSIDE = "sb3/B9ivar+24qa83boax=";
  private static final String LEE = "5d2e8a10-3b7c-4e1a-9f00-aa11bb22cc33";
  private static final String ROSA = "7ccae375-cd51-4c82-8b1e-7be3280aa485";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
  private final AtomicInteger requests = new AtomicInteger();
  private final JsonNode groups = SignalFixtures.json("list-groups.json").get("result");
  private final SignalGroupAdmins admins =
      new SignalGroupAdmins(
          () -> {
            requests.incrementAndGet();
            return groups;
          },
          clock,
          Duration.ofMinutes(1));

  @Test
  void adminsComeFromListGroupsByUuidOrNumber() {
    assertThat(admins.isAdmin(NORTHSIDE, LEE)).isTrue();
    assertThat(admins.isAdmin(NORTHSIDE, "+15550003333")).isTrue();
    assertThat(admins.isAdmin(NORTHSIDE, ROSA)).isFalse();
  }

  @Test
  void aMemberMarkedIsAdminCounts() {
    JsonNode marked =
        SignalFixtures.JSON
            .createArrayNode()
            .add(
                SignalFixtures.JSON
                    .createObjectNode()
                    .put("id", "g1")
                    .set(
                        "members",
                        SignalFixtures.JSON
                            .createArrayNode()
                            .add(
                                SignalFixtures.JSON
                                    .createObjectNode()
                                    .put("uuid", ROSA)
                                    .put("isAdmin", true))));
    SignalGroupAdmins fromMembers =
        new SignalGroupAdmins(() -> marked, clock, Duration.ofMinutes(1));

    assertThat(fromMembers.isAdmin("g1", ROSA)).isTrue();
  }

  @Test
  void answersAreKeptBrieflyThenAskedAgain() {
    admins.isAdmin(NORTHSIDE, LEE);
    admins.isAdmin(NORTHSIDE, ROSA);
    assertThat(requests).hasValue(1);

    clock.advance(Duration.ofMinutes(2));
    admins.isAdmin(NORTHSIDE, LEE);
    assertThat(requests).hasValue(2);
  }

  @Test
  void aDaemonErrorWithNoEarlierAnswerLeavesTheQuestionOpenInsteadOfSayingNo() {
    SignalGroupAdmins failing =
        new SignalGroupAdmins(
            () -> {
              throw new SignalRpcException(SignalRpcException.DISCONNECTED, "not connected");
            },
            clock,
            Duration.ofMinutes(1));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> failing.isAdmin(NORTHSIDE, LEE))
        .isInstanceOf(SignalRpcException.class);
  }
}
