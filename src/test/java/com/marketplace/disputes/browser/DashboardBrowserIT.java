package com.marketplace.disputes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketplace.disputes.analytics.AnalyticsPeriod;
import com.marketplace.disputes.analytics.DisputeAnalytics.SellerRanking;
import com.marketplace.disputes.analytics.DisputeAnalytics;
import com.marketplace.disputes.analytics.Figure;
import com.marketplace.disputes.analytics.SeededHistory;
import com.marketplace.disputes.demo.DemoUsers;
import com.marketplace.disputes.support.HttpTest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The analytics dashboard in Debian's Chromium, over the known history of March 2026: every card
 * loads on its own and shows the API's numbers, and a period the API refuses says why on each
 * card. Screenshots go to target/screenshots. Skipped where Chromium and its driver are not
 * installed.
 */
@HttpTest
class DashboardBrowserIT {

  private static final String MARCH = "from=2026-03-01&to=2026-03-31";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired DisputeAnalytics analytics;
  @Autowired JdbcClient jdbc;

  Browser browser;

  @BeforeAll
  static void chromiumInstalled() {
    Browser.assumeInstalled();
  }

  @BeforeEach
  void setUp() {
    new DemoUsers(identityService).ensureDemoUsers();
    new SeededHistory(jdbc).write();
    // The page's own requests carry the credentials of its address, as a browser's login would.
    browser = new Browser("http://analyst1:" + DemoUsers.PASSWORD + "@localhost:" + port);
  }

  @AfterEach
  void tearDown() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void everyCardShowsItsFigureForThePeriod() {
    browser.open("/analytics/?" + MARCH);
    List<WebElement> cards = browser.all(By.cssSelector("[data-figure]"));
    assertThat(cards).hasSize(Figure.values().length);
    browser.waitFor(driver -> driver.findElements(By.cssSelector("[aria-busy]")).isEmpty()
        && !driver.findElement(By.cssSelector("[data-kpi=opened] .value")).getText().isEmpty());
    browser.screenshot("dashboard-march");

    for (WebElement card : cards) {
      String id = card.getAttribute("data-figure");
      assertThat(card.findElement(By.tagName("h2")).getText()).as(id)
          .startsWith(Figure.valueOf(id.toUpperCase().replace('-', '_')).title());
    }
    AnalyticsPeriod march = new AnalyticsPeriod(SeededHistory.FROM, SeededHistory.TO);
    long opened = analytics.figure(Figure.OUTCOMES, march, new SellerRanking(10, 10)).rows()
        .stream().mapToLong(row -> (Long) row.get(1)).sum();
    assertThat(browser.visible(By.cssSelector("[data-kpi=opened] .value")).getText())
        .isEqualTo(String.valueOf(opened));
    List<String> sellers = browser.all(By.cssSelector("[data-figure=top-sellers] tbody tr"))
        .stream().map(row -> row.findElements(By.tagName("td")).get(1).getText()).toList();
    assertThat(sellers).containsExactly("s-alpha", "s-bravo", "s-delta");
    assertThat(browser.visible(By.id("period-label")).getText()).contains("1 Mar", "31 Mar 2026");
  }

  @Test
  void aPeriodTheApiRefusesIsExplainedOnEveryCard() {
    browser.open("/analytics/?from=2026-03-31&to=2026-03-01");
    browser.waitFor(driver -> driver.findElements(By.cssSelector(".pending.failed")).size()
        == Figure.values().length);
    browser.screenshot("dashboard-refused-period");
    assertThat(browser.visible(By.id("error")).getText()).contains("from must not be after to");
  }
}
