package org.aidbridge.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.parse.LexiconParser;
import org.aidbridge.bot.place.Gazetteer;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.aidbridge.bot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code dashboard}: a one-time, ten-minute sign-in link for coordinators, and the sessions. */
class DashboardAccessTest {
  private static final Pattern LINK =
      Pattern.compile("https://aid\\.example\\.org/signin\\?token=([A-Za-z0-9_-]{43})");
  private static final Address COORDINATOR = Address.person(Channel.TELEGRAM, "1");
  private static final Address LINKED = Address.person(Channel.SIGNAL, "coordinator-uuid");
  private static final Address STRANGER = Address.person(Channel.TELEGRAM, "2");
  private static final Gazetteer PLACES = Gazetteer.loadDefault();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
  private final Store store = SqliteStore.open(":memory:");
  private final BotSettings settings = BotSettings.DEFAULT.withCoordinators(Set.of(COORDINATOR));
  private final BotService bot =
      Bots.create(
          store, settings, clock, new LexiconParser(PLACES), PLACES, "https://aid.example.org/");
  private final DashboardAccess access = Bots.dashboardAccess(store, settings, clock);
  private final AtomicInteger ids = new AtomicInteger();

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aCoordinatorsLinkOpensOneSessionOnceAndTheStoreKeepsNoToken() {
    String token = linkFor(COORDINATOR);

    DashboardAccess.NewSession session = access.signIn(token).orElseThrow();

    assertThat(session.session().person()).isEqualTo(COORDINATOR);
    assertThat(session.session().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(12)));
    assertThat(access.session(session.cookieValue())).isPresent();
    assertThat(access.signIn(token)).as("a used link").isEmpty();
    assertThat(store.dashboardSession(token, clock.instant())).isEmpty();
    assertThat(session.session().sessionHash()).isNotEqualTo(session.cookieValue());
  }

  @Test
  void aLinkOlderThanTenMinutesOpensNothing() {
    String token = linkFor(COORDINATOR);
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));

    assertThat(access.signIn(token)).isEmpty();
  }

  @Test
  void aSessionEndsAfterTwelveHoursOrOnSignOut() {
    String first = access.signIn(linkFor(COORDINATOR)).orElseThrow().cookieValue();
    String second = access.signIn(linkFor(COORDINATOR)).orElseThrow().cookieValue();

    access.signOut(first);
    assertThat(access.session(first)).isEmpty();
    assertThat(access.session(second)).isPresent();
    clock.advance(Duration.ofHours(12));
    assertThat(access.session(second)).isEmpty();
  }

  @Test
  void someoneWhoIsNotACoordinatorGetsNoLink() {
    List<OutboundMessage> out = bot.handle(say(STRANGER, "dashboard"));

    assertThat(out)
        .singleElement()
        .satisfies(
            o -> assertThat(o.text()).contains("Only coordinators").doesNotContain("signin"));
    assertThat(access.signIn("")).isEmpty();
  }

  @Test
  void aLinkedIdentityOfACoordinatorGetsALinkOnItsOwnChannel() {
    store.link(COORDINATOR, LINKED);

    String token = linkFor(LINKED);

    assertThat(access.signIn(token).orElseThrow().session().person()).isEqualTo(LINKED);
  }

  @Test
  void aSessionStopsWorkingWhenItsPersonIsNoLongerACoordinator() {
    store.link(COORDINATOR, LINKED);
    String cookie = access.signIn(linkFor(LINKED)).orElseThrow().cookieValue();

    store.unlink(LINKED);

    assertThat(access.session(cookie)).isEmpty();
  }

  @Test
  void aMailFromACoordinatorsAddressWithoutProofGetsNoLink() {
    Address mail = Address.person(Channel.EMAIL, "coordinator@relief.example");
    BotSettings withMail = BotSettings.DEFAULT.withCoordinators(Set.of(mail));
    BotService mailBot =
        Bots.create(
            store, withMail, clock, new LexiconParser(PLACES), PLACES, "https://aid.example.org");
    InboundMessage unproven =
        new InboundMessage(
                Channel.EMAIL,
                "forged-1",
                mail,
                null,
                "dashboard",
                null,
                null,
                null,
                true,
                false,
                clock.instant())
            .withProof(org.aidbridge.bot.model.Proof.NONE);

    List<OutboundMessage> out = mailBot.handle(unproven);

    assertThat(out).singleElement().satisfies(o -> assertThat(o.text()).doesNotContain("signin"));
  }

  private String linkFor(Address who) {
    List<OutboundMessage> out = bot.handle(say(who, "dashboard"));
    assertThat(out).singleElement().satisfies(o -> assertThat(o.to()).isEqualTo(who));
    Matcher m = LINK.matcher(out.get(0).text());
    assertThat(m.find()).as(out.get(0).text()).isTrue();
    return m.group(1);
  }

  private InboundMessage say(Address from, String text) {
    return InboundMessage.direct(from, "c" + ids.incrementAndGet(), text, clock.instant());
  }
}
