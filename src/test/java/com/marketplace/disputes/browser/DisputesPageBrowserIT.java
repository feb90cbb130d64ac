package com.marketplace.disputes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketplace.disputes.dispute.DisputeProcess;
import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import com.marketplace.disputes.identity.TasklistFilters;
import com.marketplace.disputes.orders.ItemType;
import com.marketplace.disputes.orders.Order;
import com.marketplace.disputes.support.DisputeDriver;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The parties' page My disputes, reached from Tasklist's header with the same login, in Debian's
 * Chromium against the running application: each side follows its disputes whoever's move it
 * is, makes the moves the policy allows and reads the server's refusal of one it no longer
 * allows; nobody else sees them; a German reader reads German. And the webapps as a product: no Camunda 8 banner,
 * the product's name, no controls the engine gate refuses. Screenshots go to target/screenshots.
 */
class DisputesPageBrowserIT extends TasklistApplicationTest {

  private static final String MIGRATION_BANNER = "migrate to Camunda 8";

  @Test
  void buyerFollowsTheDisputeWhileItIsTheSellersMoveAndEscalatesWithAReason() {
    DisputeRecord dispute = open("buyer1", "seller1", "Desk lamp, brass", "89.00");
    awaitTask(dispute, "RespondToDispute");

    tasklist.login("buyer1");
    awaitPartyMarks();
    tasklist.myDisputes("My disputes");
    WebElement row = tasklist.disputeRow(dispute.disputeId());
    assertThat(cell(row, "whose-move")).isEqualTo("Seller");
    assertThat(cell(row, "time-left")).as("the seller's time, seen by the buyer")
        .startsWith("14 days").endsWith("left");
    browser.screenshot("page-01-buyer-list");

    tasklist.openOnPage(dispute.disputeId());
    assertThat(textContent("[data-df=deadline]")).contains("Dispute " + dispute.disputeId(),
        "Seller to respond", "14 days", "left");
    assertThat(text(".df-order")).contains("Desk lamp, brass", "89.00 USD");
    assertThat(text("[data-dm=escalate] select")).contains("The seller does not answer");
    assertThat(text("[data-dm=cancel-warning]")).contains("cannot be reopened");
    String message = "Could you tell me when you will answer? <b>Thanks</b>";
    sendMessage(message);
    browser.screenshot("page-02-buyer-case-file");

    new Select(find("[data-dm=escalate] select")).selectByValue("SELLER_UNRESPONSIVE");
    find("[data-dm=escalate] textarea").sendKeys("No answer for a week, the lamp does not light.");
    find("[data-dm=escalate] button[type=submit]").click();
    assertThat(afterMove("escalate")).contains("the platform will review the dispute");
    assertThat(disputes.find(dispute.disputeId()).orElseThrow().status())
        .isEqualTo("IN_MEDIATION");
    browser.waitFor(driver -> driver.findElements(By.cssSelector("[data-dm=escalate]")).isEmpty());

    tasklist.login("seller1");
    tasklist.myDisputes("My disputes");
    row = tasklist.disputeRow(dispute.disputeId());
    assertThat(cell(row, "whose-move")).isEqualTo("Platform");
    tasklist.openOnPage(dispute.disputeId());
    assertThat(textContent("[data-df=deadline]")).contains("In mediation");
    assertThat(text("[data-df=timeline]")).contains("Asked the platform to decide (buyer1)",
        "No answer for a week, the lamp does not light.", "The seller does not answer");
    assertThat(text(".dm-conversation")).contains("buyer1", message);
    assertThat(text(".dm-moves")).doesNotContain("Cancel");
    browser.screenshot("page-03-seller-sees-escalation");
  }

  @Test
  void buyerCancelsAfterConfirmingAndAMoveNoLongerAllowedIsRefusedWithTheReason() {
    DisputeRecord toCancel = open("buyer1", "seller1", "Garden hose, 25 m", "39.00");
    DisputeRecord escalatedMeanwhile = open("buyer1", "seller1", "Rain jacket", "64.00");
    awaitTask(toCancel, "RespondToDispute");
    awaitTask(escalatedMeanwhile, "RespondToDispute");

    tasklist.login("buyer1");
    awaitPartyMarks();
    tasklist.myDisputes("My disputes");
    tasklist.openOnPage(toCancel.disputeId());
    find("[data-dm=cancel] button[type=submit]").click();
    assertThat(browser.visible(By.cssSelector("[data-dm=cancel-outcome]")).getText())
        .isEqualTo("Tick the box to confirm first.");
    assertThat(disputes.find(toCancel.disputeId()).orElseThrow().closedAt()).isNull();
    find("[data-dm=cancel] [name=confirmCancel]").click();
    browser.screenshot("page-04-buyer-confirms-cancel");
    find("[data-dm=cancel] button[type=submit]").click();
    assertThat(afterMove("cancel")).contains("the dispute is cancelled");
    assertThat(disputes.find(toCancel.disputeId()).orElseThrow().closureReason())
        .isEqualTo("CANCELLED_BY_BUYER");

    // The page still offers cancelling the other dispute, which the seller escalates meanwhile.
    browser.open("/disputes/#" + escalatedMeanwhile.disputeId());
    browser.visible(By.cssSelector("[data-dm=cancel]"));
    runtimeService.createMessageCorrelation(DisputeProcess.ESCALATION_REQUESTED_MESSAGE)
        .processInstanceBusinessKey(escalatedMeanwhile.disputeId())
        .setVariable(DisputeProcess.REQUESTED_BY, "SELLER").correlate();
    find("[data-dm=cancel] [name=confirmCancel]").click();
    find("[data-dm=cancel] button[type=submit]").click();
    assertThat(afterMove("cancel")).startsWith("Refused: ")
        .contains("is with the platform now", "can no longer escalate, change or cancel it");
    browser.screenshot("page-05-refused-move");
    assertThat(disputes.find(escalatedMeanwhile.disputeId()).orElseThrow().closedAt()).isNull();
  }

  @Test
  void aClosedDisputeIsAppealedFromThePageInTasklistWithTheDisputeFilledIn() {
    DisputeRecord dispute = open("buyer1", "seller1", "Coffee grinder", "59.00");
    taskService.complete(awaitTask(dispute, "RespondToDispute").getId(),
        Map.of("sellerResponse", "ACCEPT"));
    browser.waitFor(driver -> disputes.find(dispute.disputeId())
        .filter(d -> d.closedAt() != null).orElse(null));

    tasklist.login("buyer1");
    tasklist.myDisputes("My disputes");
    assertThat(cell(tasklist.disputeRow(dispute.disputeId()), "time-left"))
        .startsWith("Appeal possible until");
    tasklist.openOnPage(dispute.disputeId());
    assertThat(browser.all(By.cssSelector("[data-dm=escalate], [data-dm=cancel]"))).isEmpty();
    find("[data-dm=appeal-link]").click();
    tasklist.form();
    assertThat(new Select(tasklist.field("[name=disputeId]")).getFirstSelectedOption()
        .getAttribute("value")).isEqualTo(dispute.disputeId());
    tasklist.type("appealStatement", "The seller accepted, yet no refund has reached my card.");
    browser.screenshot("page-06-appeal-from-the-page");
    tasklist.start();
    String appealId = browser.waitFor(driver -> disputes.find(dispute.disputeId())
        .map(DisputeRecord::appealId).orElse(null));
    assertThat(appealId).startsWith("A-");
  }

  @Test
  void anotherBuyerSeesNothingOfItAndTheGermanSellerReadsGerman() {
    DisputeRecord dispute = open("buyer1", "seller2", "Kaffeemühle", "45.00");
    awaitTask(dispute, "RespondToDispute");

    tasklist.login("buyer2");
    tasklist.myDisputes("My disputes");
    assertThat(browser.all(By.cssSelector("tr[data-dispute='" + dispute.disputeId() + "']")))
        .isEmpty();
    browser.open("/disputes/#" + dispute.disputeId());
    assertThat(browser.visible(By.cssSelector("[data-dm=status].alert-danger")).getText())
        .contains("could not be loaded");
    assertThat(browser.all(By.cssSelector("[data-dm=casefile]"))).isEmpty();
    assertThat(tasklist.pageText()).doesNotContain("Kaffeemühle");

    tasklist.login("seller2");
    tasklist.myDisputes("Meine Streitfälle");
    assertThat(browser.visible(By.cssSelector("[data-dm=title]")).getText())
        .isEqualTo("Meine Streitfälle");
    assertThat(textContent("[data-dm=list] thead")).contains("Wer ist am Zug", "Verbleibende Zeit");
    WebElement row = tasklist.disputeRow(dispute.disputeId());
    assertThat(row.getText()).contains("Verkäufer muss antworten");
    assertThat(cell(row, "whose-move")).isEqualTo("Sie");
    assertThat(cell(row, "time-left")).startsWith("noch 14 Tage");
    browser.screenshot("page-07-seller2-german");
    tasklist.openOnPage(dispute.disputeId());
    assertThat(text(".dm-moves")).contains("Die Plattform entscheiden lassen");
    // The case file's headings are set in capitals by its style sheet, and the page's text says
    // them as shown.
    String caseFile = tasklist.pageText();
    for (String german : List.of("Anliegen des Käufers", "Frist", "Verlauf")) {
      assertThat(caseFile).containsIgnoringCase(german);
    }
    for (String english : List.of("Buyer's claim", "Timeline")) {
      assertThat(caseFile).doesNotContainIgnoringCase(english);
    }
  }

  @Test
  void noWebappShowsTheMigrationBannerAndPartiesDoNotMeetControlsTheGateRefuses() {
    DisputeRecord dispute = open("buyer1", "seller1", "Bookshelf", "120.00");
    awaitTask(dispute, "RespondToDispute");

    tasklist.login("seller1");
    awaitPartyMarks();
    assertThat(browser.driver().getTitle()).isEqualTo("Marketplace Dispute mediation");
    assertThat(tasklist.pageText()).doesNotContain(MIGRATION_BANNER);
    assertThat(tasklist.shown(".create-task-action")).isFalse();
    tasklist.openFilter(TasklistFilters.MY_DISPUTES);
    tasklist.openTaskOf(dispute.disputeId());
    assertThat(tasklist.shown(".task-card .due-date")).as("the deadline stays").isTrue();
    assertThat(tasklist.pageText()).doesNotContain("Add groups", "Set follow up", "Add Comment");
    assertThat(tasklist.shown(".task-card .unclaim")).isFalse();
    browser.screenshot("page-08-seller-task-without-engine-controls");

    // A mediator keeps claiming from the queue; the gate refuses the rest to him as well.
    tasklist.login("mediator1");
    browser.waitFor(driver -> bodyHas("dm-no-engine-edits"));
    assertThat(bodyHas("dm-party")).isFalse();
    assertThat(tasklist.shown(".create-task-action")).isFalse();
    assertThat(tasklist.shown(".dm-my-disputes")).as("the page is for parties").isFalse();

    tasklist.login("admin");
    assertThat(tasklist.shown(".create-task-action")).as("administrators keep everything").isTrue();
    assertThat(bodyHas("dm-no-engine-edits")).isFalse();
    for (String app : new String[] {"cockpit", "admin", "welcome"}) {
      browser.open("/camunda/app/" + app + "/default/");
      browser.waitFor(driver -> driver.getTitle().startsWith("Dispute mediation"));
      browser.visible(By.cssSelector("[cam-widget-header] .navbar-brand"));
      assertThat(tasklist.shown(".ce-eol-banner")).as(app).isFalse();
      assertThat(tasklist.pageText()).as(app).doesNotContain(MIGRATION_BANNER);
      browser.screenshot("page-09-" + app + "-without-banner");
    }
  }

  /** Opens a dispute for the buyer on a new order, as the buyer's start form would. */
  private DisputeRecord open(String buyerId, String sellerId, String title, String amount) {
    String orderId = "P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Instant now = Instant.now();
    orders.upsert(new Order(orderId, buyerId, sellerId, title, new BigDecimal(amount), "USD",
        ItemType.PHYSICAL, now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(13)), null,
        now.plus(Duration.ofDays(40)), "LP" + orderId.substring(2) + "CN"));
    String instanceId = runtimeService.startProcessInstanceByKey(DisputeProcess.KEY,
        DisputeDriver.claim(orderId, buyerId)).getId();
    return browser.waitFor(driver -> disputes.findByParty(buyerId, 100).stream()
        .filter(d -> d.processInstanceId().equals(instanceId)).findFirst().orElse(null));
  }

  /** Tasklist has asked who the user is and marked the page for a party. */
  private void awaitPartyMarks() {
    browser.waitFor(driver -> bodyHas("dm-party") && bodyHas("dm-no-engine-edits"));
  }

  private boolean bodyHas(String mark) {
    return Boolean.TRUE.equals(browser.script(
        "return document.body.classList.contains(arguments[0])", mark));
  }

  private WebElement find(String css) {
    WebElement element = browser.visible(By.cssSelector(css));
    browser.script("arguments[0].scrollIntoView({block: 'center'})", element);
    return element;
  }

  private String text(String css) {
    return find(css).getText();
  }

  /** The text of an element as written, whatever its style shows (capitals, say). */
  private String textContent(String css) {
    return String.valueOf(browser.script("return arguments[0].textContent", find(css)));
  }

  /**
   * What the page says after a move was sent: the notice above the reloaded dispute, or the
   * refusal next to the move.
   */
  private String afterMove(String move) {
    By said = By.cssSelector("[data-dm=notice], [data-dm=" + move + "-outcome]");
    return browser.waitFor(driver -> {
      try {
        return driver.findElements(said).stream().filter(WebElement::isDisplayed)
            .map(WebElement::getText).findFirst().orElse(null);
      } catch (StaleElementReferenceException redrawn) {
        return null;
      }
    });
  }

  private static String cell(WebElement row, String name) {
    return row.findElement(By.cssSelector("[data-dm=" + name + "]")).getText();
  }

  /** Writes to the other side; the message joins the conversation as text. */
  private void sendMessage(String message) {
    find("[data-dm=message] textarea").sendKeys(message);
    find("[data-dm=message] button[type=submit]").click();
    browser.waitFor(driver -> {
      try {
        return text(".dm-conversation").contains(message);
      } catch (StaleElementReferenceException redrawn) {
        return false;
      }
    });
    assertThat(browser.all(By.cssSelector(".dm-conversation b"))).isEmpty();
  }
}
