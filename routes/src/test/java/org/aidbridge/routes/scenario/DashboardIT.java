package org.aidbridge.routes.scenario;

import static org.aidbridge.routes.scenario.CrossChannelHarness.COORDINATOR_TELEGRAM;
import static org.aidbridge.routes.scenario.CrossChannelScenarios.ADMIN_P;
import static org.aidbridge.routes.scenario.CrossChannelScenarios.ANA;
import static org.aidbridge.routes.scenario.CrossChannelScenarios.ANA_P;
import static org.aidbridge.routes.scenario.CrossChannelScenarios.BEN;
import static org.aidbridge.routes.scenario.CrossChannelScenarios.BEN_NAME;
import static org.aidbridge.routes.scenario.CrossChannelScenarios.BEN_P;
import static org.aidbridge.routes.scenario.CrossChannelScenarios.COORDINATOR_NAME;
import static org.aidbridge.routes.scenario.CrossChannelScenarios.COORD_P;
import static org.aidbridge.routes.scenario.CrossChannelScenarios.LEE;
import static org.aidbridge.routes.scenario.CrossChannelScenarios.LEE_NUMBER;
import static org.aidbridge.routes.scenario.CrossChannelScenarios.LEE_P;
import static org.aidbridge.routes.scenario.CrossChannelScenarios.NORTHSIDE;
import static org.aidbridge.routes.scenario.CrossChannelScenarios.ROSA;
import static org.aidbridge.routes.scenario.CrossChannelScenarios.ROSA_NUMBER;
import static org.aidbridge.routes.scenario.CrossChannelScenarios.ROSA_P;
import static org.aidbridge.routes.scenario.CrossChannelScenarios.TG_ADMIN;
import static org.aidbridge.routes.scenario.CrossChannelScenarios.TG_ADMIN_NAME;
import static org.aidbridge.routes.scenario.CrossChannelScenarios.TG_PORTLAND;
import static org.aidbridge.routes.scenario.CrossChannelScenarios.TG_SALEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Status;
import org.aidbridge.routes.telegram.FakeBotApi;
import org.aidbridge.routes.telegram.Updates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;

/**
 * The coordinators' dashboard in a real headless Chromium, against AidBridge running with all three
 * channels on their test servers. One browser and one running application for every step, in order:
 * sign in with a link received on Telegram, see and filter the board, retry a dead letter from the
 * stats page, close a listing, broadcast, then the refusals. Screenshots of each page in English
 * and Persian are written to {@code target/dashboard-screenshots} (the README shows copies from
 * {@code docs/}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {
  private static final Pattern LINK =
      Pattern.compile("http://127\\.0\\.0\\.1:\\d+/signin\\?token=[\\w-]+");
  private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

  @TempDir static Path dir;
  private CrossChannelHarness h;
  private CapturedLogs logs;
  private WebDriver browser;
  private String base;
  private String firstLink;
  private Listing anaNeed;
  private Listing rosaNeed;
  private Listing benOffer;
  private Listing adminOffer;

  @BeforeAll
  void start() throws Exception {
    org.awaitility.Awaitility.setDefaultTimeout(Duration.ofSeconds(20));
    org.awaitility.Awaitility.setDefaultPollInterval(Duration.ofMillis(50));
    logs = CapturedLogs.attach();
    int port = freePort();
    base = "http://127.0.0.1:" + port;
    h = new CrossChannelHarness(dir, Map.of("http.port", Integer.toString(port)));
    browser = Browser.headlessChromium();
    subscribeGroupsAndPostListings();
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (browser != null) {
        browser.quit();
      }
      if (h != null) {
        PrivacyAudit audit =
            new PrivacyAudit(List.of(ANA_P, BEN_P, ROSA_P, LEE_P, ADMIN_P, COORD_P));
        assertThat(audit.leaksIn(h.delivered())).as("identifiers in messages").isEmpty();
        assertThat(audit.leaksIn(logs)).as("identifiers in INFO logs").isEmpty();
      }
    } finally {
      if (h != null) {
        h.close();
      }
      logs.close();
      org.awaitility.Awaitility.reset();
    }
  }

  @Test
  @Order(1)
  void aCoordinatorSignsInWithALinkReceivedOnTelegramAndSeesTheBoardAtOnce() {
    firstLink = linkFromTelegram();

    browser.get(firstLink);

    await().until(() -> browser.getCurrentUrl().equals(base + "/board"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Open needs and offers");
    assertThat(browser.manage().getCookieNamed("aidbridge_session"))
        .satisfies(c -> assertThat(c.isHttpOnly()).isTrue())
        .satisfies(c -> assertThat(c.getSameSite()).isEqualTo("Strict"));
  }

  @Test
  @Order(2)
  void theBoardListsTheListingsPostedOnEveryChannelNeedsThatWaitedLongestFirstAndNoOnesAddress() {
    browser.get(base + "/board");

    assertThat(rowRefs())
        .containsExactly(anaNeed.ref(), rosaNeed.ref(), benOffer.ref(), adminOffer.ref());
    assertThat(row(rosaNeed.ref()).getText()).contains("1 d 2 h", "2 · 150km@24h");
    String page = browser.getPageSource();
    assertThat(page)
        .contains("insulin", "rice", "blanket")
        .doesNotContain(ANA, Long.toString(BEN), BEN_NAME, ROSA, ROSA_NUMBER);
  }

  @Test
  @Order(3)
  void aFilterNarrowsTheBoardAndTheCsvFollowsIt() {
    browser.get(base + "/board");
    new Select(browser.findElement(By.name("channel"))).selectByValue("signal");
    browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();

    await().until(() -> rowRefs().equals(List.of(rosaNeed.ref())));
    assertThat(browser.getCurrentUrl()).contains("channel=signal");
    String csv =
        (String)
            ((JavascriptExecutor) browser)
                .executeAsyncScript(
                    "const done = arguments[0];"
                        + "fetch(document.querySelector('a[download]').href).then(r => r.text()).then(done);");
    assertThat(csv.lines()).hasSize(2);
    assertThat(csv)
        .contains(rosaNeed.ref(), "rice")
        .doesNotContain(anaNeed.ref(), ROSA, ROSA_NUMBER);

    browser.get(base + "/board?kind=need&area=portland&category=medicine");
    assertThat(rowRefs()).containsExactly(anaNeed.ref());
  }

  @Test
  @Order(4)
  void screenshotsOfEveryPageInEnglishAndPersian() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    for (String lang : List.of("en", "fa")) {
      for (String page : List.of("board", "map", "matches", "groups", "broadcast", "stats")) {
        browser.get(base + "/" + page + "?lang=" + lang);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir"))
            .isEqualTo(lang.equals("fa") ? "rtl" : "ltr");
        if (page.equals("map")) {
          awaitMapDrawn(4);
        }
        if (page.equals("broadcast")) {
          previewBroadcast("Portland", "Free hot meals at the library, 6pm");
        }
        shoot(page + "-" + lang, 1280);
      }
    }
    browser.get(base + "/board?lang=en");
    shoot("board-phone-en", 390);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Open needs and offers");
  }

  private void previewBroadcast(String place, String text) {
    browser.findElement(By.id("place")).sendKeys(place);
    browser.findElement(By.id("text")).sendKeys(text);
    browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
    await().until(() -> !browser.findElements(By.id("preview-groups")).isEmpty());
  }

  /** The map drew its listings; on a timeout the browser's console says why. */
  private void awaitMapDrawn(int listings) {
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  Integer.toString(listings)
                          .equals(browser.findElement(By.id("map")).getAttribute("data-listings"))
                      && !browser
                          .findElements(
                              By.cssSelector("#map path.leaflet-interactive, #map .marker-cluster"))
                          .isEmpty());
    } catch (RuntimeException e) {
      browser.manage().logs().get(LogType.BROWSER).forEach(System.out::println);
      throw e;
    }
  }

  /** A screenshot of the whole page at this width (the window grows to the page's height). */
  private void shoot(String name, int width) throws IOException {
    browser.manage().window().setSize(new Dimension(width, 900));
    long height =
        (Long)
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight;");
    browser.manage().window().setSize(new Dimension(width, (int) Math.min(2400, height + 140)));
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  @Test
  @Order(5)
  void aDeadLetterShowsOnTheStatsPageWithoutItsAddressAndRetryQueuesItAgain() throws IOException {
    // Queued a minute ahead, so the outbox cannot send it before the store sets it aside.
    java.time.Instant ahead = h.clock().instant().plus(Duration.ofMinutes(1));
    long id =
        h.store()
            .enqueue(
                org.aidbridge.bot.model.OutboundMessage.to(
                    Address.person(Channel.EMAIL, ANA), "Your reminder from the desk", "en"),
                ahead)
            .id();
    h.store().markDeadLetter(id, "550 5.1.1 mailbox unavailable");
    browser.get(base + "/stats?lang=fa");
    shoot("stats-fa", 1280);
    browser.get(base + "/stats?lang=en");

    WebElement dead = browser.findElement(By.cssSelector("#deadletters tr[data-id='" + id + "']"));
    assertThat(dead.getText())
        .contains("#" + id, "email", "a person", "550 5.1.1 mailbox unavailable")
        .doesNotContain(ANA, "Your reminder");
    assertThat(browser.findElements(By.cssSelector("#outbox li[data-probe=polling]"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("#outbox li[data-probe=connected]"))).hasSize(1);
    shoot("stats-en", 1280);
    dead.findElement(By.cssSelector("button[type=submit]")).click();

    await()
        .until(
            () ->
                browser.findElements(By.cssSelector("[role=status]")).stream()
                    .anyMatch(e -> e.getText().startsWith("#" + id + " is back in the outbox")));
    assertThat(browser.findElements(By.cssSelector("#deadletters tr[data-id='" + id + "']")))
        .isEmpty();
    assertThat(h.store().deadLetters(10)).isEmpty();
    await()
        .until(
            () ->
                h.deliveredTo("email:" + ANA).stream()
                    .anyMatch(d -> d.says("Your reminder from the desk")));
  }

  @Test
  @Order(6)
  void closingAListingFromTheBoardTellsItsAuthorOnTheirChannel() {
    browser.get(base + "/board");
    row(rosaNeed.ref()).findElement(By.cssSelector("button[value=close]")).click();

    await().until(() -> browser.getPageSource().contains(rosaNeed.ref() + " was closed"));
    assertThat(rowRefs()).doesNotContain(rosaNeed.ref());
    assertThat(h.store().listingById(rosaNeed.id()).orElseThrow().status())
        .isEqualTo(Status.WITHDRAWN);
    await()
        .until(
            () ->
                h.deliveredTo("signal:" + ROSA).stream()
                    .anyMatch(d -> d.says(rosaNeed.ref() + " was closed by a coordinator")));
  }

  @Test
  @Order(7)
  void aBroadcastComposedOnThePageReachesTheSubscribedGroupsOnTelegramAndSignalAndNoOneElse() {
    int before = h.delivered().size();
    browser.get(base + "/broadcast");
    previewBroadcast("Portland", "Water distribution at the library 3pm");

    assertThat(browser.findElement(By.id("preview-category")).getText())
        .isEqualTo("Category: every category");
    assertThat(browser.findElement(By.id("preview-groups")).getText())
        .isEqualTo("Groups: 2 (signal 1, telegram 1)");
    assertThat(browser.findElement(By.cssSelector("pre.message")).getText())
        .isEqualTo("Announcement from the coordinators:\n\nWater distribution at the library 3pm");
    assertThat(h.delivered()).hasSize(before);

    browser.findElement(By.id("confirm")).click();

    await()
        .until(
            () ->
                browser.findElements(By.cssSelector("[role=status]")).stream()
                    .anyMatch(e -> e.getText().equals("Sent to 2 group(s).")));
    await()
        .until(() -> saidToGroup("telegram:" + TG_PORTLAND) && saidToGroup("signal:" + NORTHSIDE));
    awaitOutboxEmpty();
    assertThat(h.delivered().stream().filter(d -> d.says("Water distribution at the library 3pm")))
        .extracting(Delivered::recipient)
        .containsExactlyInAnyOrder("telegram:" + TG_PORTLAND, "signal:" + NORTHSIDE);
  }

  @Test
  @Order(8)
  void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
    browser.get(base + "/board");
    WebElement form =
        row(benOffer.ref())
            .findElement(By.cssSelector("button[value=hide]"))
            .findElement(By.xpath(".."));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].querySelector('input[name=csrf]').remove();", form);
    form.findElement(By.cssSelector("button[value=hide]")).click();

    await().until(() -> browser.findElement(By.tagName("h1")).getText().equals("Refused"));
    assertThat(h.store().listingById(benOffer.id()).orElseThrow().status().active()).isTrue();
  }

  @Test
  @Order(9)
  void aUsedLinkAnExpiredLinkAndSomeoneWhoIsNotACoordinatorGetOnlyTheSignInPage() {
    browser.findElement(By.cssSelector("form.signout button")).click();
    await().until(() -> browser.findElement(By.tagName("h1")).getText().equals("Sign in"));
    browser.get(base + "/board");
    assertSignInPageOnly();

    browser.get(firstLink);
    await()
        .until(() -> browser.getPageSource().contains("That link is used, expired or not yours"));
    assertSignInPageOnly();

    String late = linkFromTelegram();
    h.clock().advance(Duration.ofMinutes(11));
    browser.get(late);
    await()
        .until(() -> browser.getPageSource().contains("That link is used, expired or not yours"));
    assertSignInPageOnly();

    h.telegram().queue(Updates.privateText(BEN, BEN_NAME, "en", "dashboard"));
    await()
        .until(
            () -> telegramTo(BEN).stream().anyMatch(s -> s.text().contains("Only coordinators")));
    assertThat(telegramTo(BEN)).noneMatch(s -> s.text().contains("/signin"));
  }

  // --- helpers ---

  private void subscribeGroupsAndPostListings() throws Exception {
    h.signalText(LEE, LEE_NUMBER, "/subscribe Portland 50", NORTHSIDE);
    await()
        .until(
            () -> h.store().subscriptionOf(Address.group(Channel.SIGNAL, NORTHSIDE)).isPresent());
    subscribeTelegramGroup(TG_PORTLAND, "Portland 30");
    subscribeTelegramGroup(TG_SALEM, "Salem 20");

    h.mail().send(ANA, "NEED: insulin in Portland", "");
    anaNeed = awaitListing(Address.person(Channel.EMAIL, ANA));
    h.signalText(ROSA, ROSA_NUMBER, "need 2 bags of rice in Portland", null);
    rosaNeed = awaitListing(Address.person(Channel.SIGNAL, ROSA));
    h.telegram().queue(Updates.privateText(BEN, BEN_NAME, "en", "offer: warm blankets in Salem"));
    benOffer = awaitListing(Address.person(Channel.TELEGRAM, Long.toString(BEN)));
    h.telegram()
        .queue(Updates.privateText(TG_ADMIN, TG_ADMIN_NAME, "en", "offer: insulin in Portland"));
    adminOffer = awaitListing(Address.person(Channel.TELEGRAM, Long.toString(TG_ADMIN)));
    awaitOutboxEmpty();
    // A day and more later, unmet needs were carried to a farther ring.
    h.clock().advance(Duration.ofHours(26));
    h.housekeeping();
    awaitOutboxEmpty();
  }

  private void subscribeTelegramGroup(long chat, String where) {
    h.telegram().setStatus(chat, TG_ADMIN, "administrator");
    h.telegram().queue(Updates.groupText(chat, TG_ADMIN, TG_ADMIN_NAME, "/subscribe " + where));
    await()
        .until(
            () ->
                h.store()
                    .subscriptionOf(Address.group(Channel.TELEGRAM, Long.toString(chat)))
                    .isPresent());
  }

  private Listing awaitListing(Address author) {
    await().until(() -> !h.store().activeListingsOf(author).isEmpty());
    return h.store().activeListingsOf(author).get(0);
  }

  private String linkFromTelegram() {
    int before = telegramTo(COORDINATOR_TELEGRAM).size();
    h.telegram()
        .queue(Updates.privateText(COORDINATOR_TELEGRAM, COORDINATOR_NAME, "en", "dashboard"));
    await().until(() -> telegramTo(COORDINATOR_TELEGRAM).size() > before);
    String text = telegramTo(COORDINATOR_TELEGRAM).get(before).text();
    Matcher m = LINK.matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m.group();
  }

  private List<FakeBotApi.Sent> telegramTo(long chat) {
    return h.telegram().sent().stream()
        .filter(s -> s.chatId().equals(Long.toString(chat)))
        .toList();
  }

  private boolean saidToGroup(String group) {
    return h.deliveredTo(group).stream()
        .anyMatch(d -> d.says("Water distribution at the library 3pm"));
  }

  private List<String> rowRefs() {
    return browser.findElements(By.cssSelector("#board tbody tr")).stream()
        .map(r -> r.getAttribute("data-ref"))
        .toList();
  }

  private WebElement row(String ref) {
    return browser.findElement(By.cssSelector("#board tr[data-ref='" + ref + "']"));
  }

  private void assertSignInPageOnly() {
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
    assertThat(browser.findElements(By.tagName("nav"))).isEmpty();
    assertThat(browser.findElements(By.id("board"))).isEmpty();
    assertThat(browser.getPageSource()).doesNotContain(anaNeed.ref(), benOffer.ref());
  }

  private void awaitOutboxEmpty() {
    java.time.Instant later = h.clock().instant().plus(Duration.ofDays(400));
    await()
        .until(
            () ->
                h.store().dueOutbox(Channel.EMAIL, later, 1).isEmpty()
                    && h.store().dueOutbox(Channel.TELEGRAM, later, 1).isEmpty()
                    && h.store().dueOutbox(Channel.SIGNAL, later, 1).isEmpty());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
