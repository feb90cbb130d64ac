package com.marketplace.disputes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import com.marketplace.disputes.evidence.Evidence;
import com.marketplace.disputes.evidence.EvidenceStore;
import com.marketplace.disputes.identity.TasklistFilters;
import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.TestOrders;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Disputes as their people meet them: in Camunda Tasklist, in Debian's Chromium, against the
 * running application with its job executor on. Screenshots of each step go to
 * target/screenshots. Skipped where Chromium and its driver are not installed.
 */
class TasklistBrowserIT extends TasklistApplicationTest {

  @Autowired EvidenceStore evidence;
  @Autowired JdbcClient jdbc;

  @TempDir Path files;

  @Test
  void buyerOpensSellerOffersBuyerEscalatesMediatorDecides() {
    Path photo = TestPhoto.write(files.resolve("crushed-plug.jpg"));

    // buyer1 opens a dispute on ORD-1001 with a photo.
    tasklist.login("buyer1");
    assertThat(tasklist.startableProcesses())
        .containsExactlyInAnyOrder("Dispute mediation", "Seller contact", "Appeal ticket");
    tasklist.startForm("Dispute mediation");
    tasklist.select("orderId", "ORD-1001");
    assertThat(tasklist.field("[data-df=order]").getText()).contains("USB-C cable, 2 m", "49.90 USD");
    tasklist.select("reason", "DAMAGED");
    tasklist.choose("itemReceived", "true");
    tasklist.select("problemDetail", "DOES_NOT_WORK");
    tasklist.type("description", "The plug arrived crushed and the cable charges nothing at all.");
    tasklist.select("requestedResolution", "FULL_REFUND");
    assertThat(browser.visible(By.cssSelector("[data-df=checklist-missing]")).getText())
        .as("warned of the evidence missing").contains("Photos of the item and its packaging",
            "A video of the item not working");
    tasklist.field("[data-df=file-input]").sendKeys(photo.toAbsolutePath().toString());
    browser.visible(By.cssSelector(".dispute-form .df-upload-uploaded img"));
    String stillMissing = browser.waitFor(driver -> {
      String warning = tasklist.field("[data-df=checklist-missing]").getText();
      return warning.contains("Photos of the item") ? null : warning;
    });
    assertThat(stillMissing).as("the photo answers the photos, not the video")
        .contains("A video of the item not working");
    browser.screenshot("01-buyer-opens-dispute");
    tasklist.start();

    DisputeRecord dispute = browser.waitFor(driver -> openDispute("buyer1", "ORD-1001").orElse(null));
    String disputeId = dispute.disputeId();
    List<Evidence> files = evidence.forDispute(disputeId);
    assertThat(files).singleElement().satisfies(file -> {
      assertThat(file.fileName()).isEqualTo("crushed-plug.jpg");
      assertThat(file.contentType()).isEqualTo("image/jpeg");
      assertThat(file.uploaderRole()).isEqualTo("BUYER");
    });

    // seller1 finds it in "My disputes" with the photo, and makes a counter offer.
    awaitTask(dispute, "RespondToDispute");
    tasklist.login("seller1");
    assertThat(tasklist.startableProcesses()).as("sellers do not open disputes, they may appeal")
        .containsExactly("Appeal ticket");
    tasklist.openFilter(TasklistFilters.MY_DISPUTES);
    tasklist.openTaskOf(disputeId);
    assertThat(tasklist.field("[data-df=deadline]").getText()).contains("days", "left");
    assertThat(tasklist.field(".df-order").getText()).contains("USB-C cable, 2 m", "49.90 USD", "Shipped");
    assertThat(tasklist.field("[data-df=description]").getText())
        .isEqualTo("The plug arrived crushed and the cable charges nothing at all.");
    assertThat(imageWidth(tasklist.field("[data-df=evidence] img"))).isEqualTo(TestPhoto.WIDTH);
    assertThat(browser.visible(By.cssSelector("[data-df=checklist] .df-check-mine")).getText())
        .as("what would answer the claim").contains("What was sent");
    browser.screenshot("02-seller-my-disputes");
    tasklist.choose("sellerResponse", "COUNTER_OFFER");
    tasklist.select("offerResolution", "PARTIAL_REFUND");
    tasklist.type("offerAmount", "49.90");
    tasklist.type("sellerComment", "Sorry about the plug. I can refund part of the price.");
    browser.clickable(By.xpath("//button[normalize-space()='Complete']")).click();
    assertThat(tasklist.field("[data-field=offerAmount] .df-error").getText())
        .as("the form refuses what the server would refuse").contains("below the order amount");
    tasklist.type("offerAmount", "20.00");
    tasklist.scrollTo("[name=sellerComment]");
    browser.screenshot("03-seller-counter-offer");
    tasklist.complete();

    // buyer1 sees the offer and escalates.
    awaitTask(dispute, "ReviewSellerResponse");
    tasklist.login("buyer1");
    tasklist.openFilter(TasklistFilters.MY_DISPUTES);
    tasklist.openTaskOf(disputeId);
    assertThat(tasklist.field("[data-df=seller-answer]").getText())
        .contains("Counter offer", "Partial refund of 20.00 USD", "Sorry about the plug.");
    tasklist.choose("buyerDecision", "ESCALATE");
    browser.screenshot("04-buyer-sees-offer");
    tasklist.complete();

    // mediator1 takes it from the queue, opens the photo, decides a partial refund.
    awaitTask(dispute, "DecideDispute");
    tasklist.login("mediator1");
    assertThat(tasklist.filters()).contains(TasklistFilters.MEDIATION_QUEUE,
        TasklistFilters.OVERDUE_DECISIONS, TasklistFilters.CLAIMED_BY_ME);
    tasklist.openFilter(TasklistFilters.MEDIATION_QUEUE);
    tasklist.openTaskOf(disputeId);
    browser.screenshot("05-mediation-queue");
    tasklist.claim();
    assertThat(browser.visible(By.cssSelector("[data-item=PHOTOS_ITEM_AND_PACKAGING]"))
        .getAttribute("data-present")).isEqualTo("true");
    assertThat(tasklist.field("[data-item=PHOTOS_ITEM_AND_PACKAGING] [data-df=check-files]")
        .getText()).isEqualTo("crushed-plug.jpg");
    assertThat(tasklist.field("[data-item=VIDEO_OF_FAULT]").getAttribute("data-present"))
        .isEqualTo("false");
    String tasklistWindow = browser.driver().getWindowHandle();
    tasklist.field("[data-df=evidence-link]").click();
    browser.waitFor(driver -> driver.getWindowHandles().size() == 2);
    browser.driver().getWindowHandles().stream().filter(handle -> !handle.equals(tasklistWindow))
        .findFirst().ifPresent(handle -> browser.driver().switchTo().window(handle));
    assertThat(imageWidth(browser.visible(By.tagName("img")))).isEqualTo(TestPhoto.WIDTH);
    browser.screenshot("06-mediator-opens-photo");
    browser.driver().close();
    browser.driver().switchTo().window(tasklistWindow);
    tasklist.choose("platformDecision", "PARTIAL_REFUND");
    tasklist.type("decisionAmount", "30.00");
    tasklist.type("decisionRationale", "The photo shows a crushed plug, so the cable cannot work; "
        + "20.00 does not cover a replacement, 30.00 does.");
    // The rule it applies and the photo it relied on, both read by the parties.
    tasklist.field("[data-rule=MINOR_DEFECT_PARTIAL]").click();
    tasklist.field("[data-df=decision-basis] [data-evidence]").click();
    browser.screenshot("07-mediator-decides");
    tasklist.complete();

    DisputeRecord decided = browser.waitFor(Duration.ofSeconds(60), driver -> disputes
        .find(disputeId).filter(d -> "CLOSED".equals(d.status())).orElse(null));
    assertThat(decided.decision()).isEqualTo("PARTIAL_REFUND");
    assertThat(decided.refundAmount()).isEqualByComparingTo(new BigDecimal("30.00"));
    assertThat(decided.decidedBy()).isEqualTo("mediator1");
    assertThat(jdbc.sql("""
        select r.rule_id || ' ' || e.file_name from decision_rule r
        join decision_evidence d on d.decision_id = r.decision_id
        join evidence e on e.evidence_id = d.evidence_id where r.decision_id = ?""")
        .param(disputeId).query(String.class).list())
        .containsExactly("MINOR_DEFECT_PARTIAL crushed-plug.jpg");

    // buyer1 can no longer act on it.
    tasklist.login("buyer1");
    tasklist.openFilter(TasklistFilters.MY_DISPUTES);
    assertThat(tasklist.cards()).noneMatch(card -> card.contains(disputeId));
    browser.screenshot("08-buyer-nothing-left");
    // On My disputes buyer1 reads the rule that decided it, and the photo it relied on.
    browser.open("/disputes/#" + disputeId);
    assertThat(browser.visible(By.cssSelector("[data-dm=casefile] [data-df=decision-rules]"))
        .getText()).contains("Minor defect, item usable", "partial refund");
    assertThat(browser.visible(By.cssSelector("[data-dm=casefile] [data-df=decision-evidence]"))
        .getText()).contains("crushed-plug.jpg");
    browser.screenshot("08-buyer-reads-the-rule");
    tasklist.login("buyer1");
    assertThat(tasklist.fetchStatus("POST", "/api/disputes/" + disputeId + "/escalate", true))
        .as("the dispute is decided: escalating no longer applies").isEqualTo(409);

    // buyer1 appeals, with one more photo: it joins the case file when the appeal opens.
    Path closeUp = TestPhoto.write(this.files.resolve("plug-close-up.jpg"));
    tasklist.startForm("Appeal ticket");
    tasklist.select("disputeId", disputeId);
    tasklist.type("appealStatement", "30.00 does not buy the same cable anywhere; 49.90 does.");
    tasklist.field("[data-df=file-input]").sendKeys(closeUp.toAbsolutePath().toString());
    browser.visible(By.cssSelector(".dispute-form .df-upload-uploaded img"));
    browser.screenshot("09-buyer-appeals-with-a-photo");
    tasklist.start();
    browser.waitFor(driver -> evidence.forDispute(disputeId).size() == 2);
    assertThat(evidence.forDispute(disputeId)).extracting(Evidence::fileName, Evidence::uploaderRole)
        .contains(org.assertj.core.groups.Tuple.tuple("plug-close-up.jpg", "BUYER"));
  }

  @Test
  void otherBuyersSeeNothingAndScriptsStayText() {
    String script = "<script>window.injected = true</script>"
        + "<img src=x onerror=\"window.injected = true\"> The shoes are size 40, not 42.";
    tasklist.login("buyer1");
    tasklist.startForm("Dispute mediation");
    tasklist.select("orderId", "ORD-1006");
    tasklist.select("reason", "NOT_AS_DESCRIBED");
    tasklist.choose("itemReceived", "true");
    tasklist.select("problemDetail", "SIZE");
    tasklist.type("description", script);
    tasklist.select("requestedResolution", "PARTIAL_REFUND");
    tasklist.type("requestedAmount", "30");
    tasklist.start();
    DisputeRecord dispute = browser.waitFor(driver -> openDispute("buyer1", "ORD-1006").orElse(null));
    assertThat(dispute.description()).isEqualTo(script);
    assertThat(tasklist.fetchStatus("POST", "/api/evidence?name=x.jpg", false))
        .as("a write by session without the CSRF token").isEqualTo(403);

    Task sellerTask = awaitTask(dispute, "RespondToDispute");
    tasklist.login("seller1");
    tasklist.openFilter(TasklistFilters.MY_DISPUTES);
    tasklist.openTaskOf(dispute.disputeId());
    assertThat(tasklist.field("[data-df=description]").getText()).isEqualTo(script);
    assertThat(tasklist.field("[data-df=timeline]").getText()).contains("<script>");
    assertThat(browser.script("return window.injected")).isNull();
    assertThat(browser.all(By.cssSelector(".dispute-form script:not([cam-script]), "
        + ".dispute-form img[src=x]"))).isEmpty();
    browser.screenshot("09-script-shown-as-text");

    tasklist.login("buyer2");
    List<String> filters = tasklist.filters();
    assertThat(filters).containsExactly(TasklistFilters.MY_DISPUTES,
        TasklistFilters.EVIDENCE_REQUESTED);
    for (String filter : filters) {
      tasklist.openFilter(filter);
      assertThat(tasklist.cards()).noneMatch(card -> card.contains(dispute.disputeId()));
    }
    browser.screenshot("10-other-buyer-sees-nothing");
    browser.open("/camunda/app/tasklist/default/#/?task=" + sellerTask.getId());
    assertThat(browser.visible(By.cssSelector(
        "[ng-repeat='notification in notifications'].alert-danger")).getText())
        .contains("does not exist");
    assertThat(browser.all(By.cssSelector(".dispute-form"))).isEmpty();
    assertThat(tasklist.fetchStatus("GET", "/api/disputes/" + dispute.disputeId(), true))
        .isEqualTo(404);
    assertThat(tasklist.fetchStatus("GET", "/api/disputes/" + dispute.disputeId() + "/evidence",
        true)).isEqualTo(404);
    assertThat(tasklist.fetchStatus("GET", "/api/orders/ORD-1006", true)).isEqualTo(403);
  }

  @Test
  void evidenceRequestedThenReturnShippedAndConfirmed() throws Exception {
    Map<String, Object> claim = DisputeDriver.claim("ORD-1007", "buyer1");
    String instanceId = runtimeService.startProcessInstanceByKey("disputeMediation", claim).getId();
    DisputeRecord dispute = disputes.findByParty("buyer1", 100).stream()
        .filter(d -> d.processInstanceId().equals(instanceId)).findFirst().orElseThrow();
    taskService.complete(awaitTask(dispute, "RespondToDispute").getId(), Map.of(
        "sellerResponse", "REJECT", "sellerComment", "The carrier shows the parcel as delivered."));
    taskService.complete(awaitTask(dispute, "ReviewSellerResponse").getId(),
        Map.of("buyerDecision", "ESCALATE"));

    // mediator1 asks the buyer for evidence.
    awaitTask(dispute, "DecideDispute");
    tasklist.login("mediator1");
    tasklist.openFilter(TasklistFilters.MEDIATION_QUEUE);
    tasklist.openTaskOf(dispute.disputeId());
    tasklist.claim();
    tasklist.choose("platformDecision", "REQUEST_EVIDENCE");
    tasklist.choose("evidenceRequestedFrom", "BUYER");
    tasklist.type("evidenceRequest", "Please send a photo of your mailbox area and the "
        + "carrier's delivery notice, if you have one.");
    tasklist.type("decisionRationale", "The seller says the carrier delivered the parcel.");
    browser.screenshot("11-mediator-requests-evidence");
    tasklist.complete();

    // buyer1 finds the request under "Evidence requested" and answers with a PDF.
    awaitTask(dispute, "ProvideEvidence");
    Path notice = Files.write(files.resolve("carrier-notice.pdf"),
        "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    tasklist.login("buyer1");
    tasklist.openFilter(TasklistFilters.EVIDENCE_REQUESTED);
    tasklist.openTaskOf(dispute.disputeId());
    assertThat(tasklist.field("[data-df=request]").getText()).contains("mailbox area");
    tasklist.type("evidenceNote", "Nothing was left at my door; the carrier's notice is attached.");
    tasklist.field("[data-df=file-input]").sendKeys(notice.toAbsolutePath().toString());
    browser.visible(By.cssSelector(".dispute-form .df-upload-uploaded"));
    browser.screenshot("12-buyer-provides-evidence");
    tasklist.complete();

    // mediator1 sees the PDF and orders a return against a refund.
    awaitTask(dispute, "DecideDispute");
    tasklist.login("mediator1");
    tasklist.openFilter(TasklistFilters.MEDIATION_QUEUE);
    tasklist.openTaskOf(dispute.disputeId());
    tasklist.claim();
    assertThat(tasklist.field("[data-df=evidence]").getText()).contains("carrier-notice.pdf", "PDF");
    tasklist.choose("platformDecision", "RETURN_AND_REFUND");
    tasklist.type("decisionRationale", "Delivery is not proven; the buyer returns the mugs and "
        + "gets the full price back.");
    tasklist.field("[data-rule=SNAD_RETURN_REFUND]").click();
    browser.screenshot("13-mediator-decides-return");
    tasklist.complete();

    // buyer1 ships the mugs back; seller2 confirms they arrived.
    awaitTask(dispute, "ShipReturn");
    tasklist.login("buyer1");
    tasklist.openFilter(TasklistFilters.MY_DISPUTES);
    tasklist.openTaskOf(dispute.disputeId());
    tasklist.type("returnTrackingNumber", "no");
    browser.clickable(By.xpath("//button[normalize-space()='Complete']")).click();
    assertThat(tasklist.field("[data-field=returnTrackingNumber] .df-error").getText())
        .contains("6 to 40 letters, digits or dashes");
    tasklist.type("returnTrackingNumber", "RR123456789DE");
    browser.screenshot("14-buyer-ships-return");
    tasklist.complete();

    awaitTask(dispute, "ConfirmReturnReceived");
    tasklist.login("seller2");
    tasklist.openFilter(TasklistFilters.MY_DISPUTES);
    tasklist.openTaskOf(dispute.disputeId());
    assertThat(tasklist.field("[data-df=tracking]").getText()).isEqualTo("RR123456789DE");
    tasklist.field("[name=confirmReceived]").click();
    browser.screenshot("15-seller-confirms-return");
    tasklist.complete();

    DisputeRecord closed = browser.waitFor(Duration.ofSeconds(60), driver -> disputes
        .find(dispute.disputeId()).filter(d -> "CLOSED".equals(d.status())).orElse(null));
    assertThat(closed.resolution()).isEqualTo("RETURN_AND_REFUND");
    assertThat(closed.refundAmount()).isEqualByComparingTo(new BigDecimal("34.50"));
    assertThat(evidence.forDispute(dispute.disputeId())).singleElement()
        .satisfies(file -> assertThat(file.contentType()).isEqualTo("application/pdf"));
  }

  @Test
  void buyerContactsSellerThenOpensDisputeFromTheContact() {
    String orderId = new TestOrders(jdbc).eligible("buyer1", "seller1", "64.00");
    Path photo = TestPhoto.write(files.resolve("scratched-lens.jpg"));

    // buyer1 writes to seller1 about the order.
    tasklist.login("buyer1");
    tasklist.startForm("Seller contact");
    tasklist.select("orderId", orderId);
    assertThat(tasklist.field("[data-df=order]").getText()).contains("64.00", "seller1");
    tasklist.type("buyerMessage", "The lens arrived <b>scratched</b>. Can you help?");
    browser.screenshot("16-buyer-contacts-seller");
    tasklist.start();

    // seller1 reads the message as text and replies.
    awaitContactTask(orderId, "ReplyToBuyer");
    tasklist.login("seller1");
    tasklist.openFilter(TasklistFilters.MY_DISPUTES);
    tasklist.openTaskOf(orderId);
    assertThat(tasklist.field("[data-df=conversation]").getText())
        .contains("The lens arrived <b>scratched</b>. Can you help?");
    tasklist.type("sellerMessage", "Sorry to hear that. Please send it back and I will look.");
    browser.screenshot("17-seller-replies");
    tasklist.complete();

    // buyer1 is not satisfied and opens a dispute from the contact, with a photo.
    awaitContactTask(orderId, "ConfirmIssueResolved");
    tasklist.login("buyer1");
    tasklist.openFilter(TasklistFilters.MY_DISPUTES);
    tasklist.openTaskOf(orderId);
    assertThat(tasklist.field("[data-df=conversation]").getText()).contains("Please send it back");
    tasklist.choose("issueResolved", "false");
    tasklist.choose("openDispute", "true");
    tasklist.select("reason", "DAMAGED");
    tasklist.choose("itemReceived", "true");
    tasklist.select("problemDetail", "OTHER");
    tasklist.type("description", "short");
    tasklist.select("requestedResolution", "FULL_REFUND");
    browser.clickable(By.xpath("//button[normalize-space()='Complete']")).click();
    assertThat(tasklist.field("[data-field=description] .df-error").getText())
        .as("the claim is checked as in the open-dispute form").contains("20 to 2000");
    tasklist.type("description", "The lens has a deep scratch across the middle; photos show it.");
    tasklist.field("[data-df=file-input]").sendKeys(photo.toAbsolutePath().toString());
    browser.visible(By.cssSelector(".dispute-form .df-upload-uploaded img"));
    browser.screenshot("18-buyer-opens-dispute-from-contact");
    tasklist.complete();

    DisputeRecord dispute = browser.waitFor(driver -> openDispute("buyer1", orderId).orElse(null));
    assertThat(dispute.reason()).isEqualTo("DAMAGED");
    assertThat(evidence.forDispute(dispute.disputeId())).singleElement()
        .satisfies(file -> assertThat(file.fileName()).isEqualTo("scratched-lens.jpg"));
  }

  private Task awaitContactTask(String orderId, String taskKey) {
    return browser.waitFor(Duration.ofSeconds(60), driver -> taskService.createTaskQuery()
        .processDefinitionKey("sellerContact").processVariableValueEquals("orderId", orderId)
        .taskDefinitionKey(taskKey).singleResult());
  }

  /** The buyer's open dispute on the order, once the start has committed. */
  private Optional<DisputeRecord> openDispute(String buyerId, String orderId) {
    return disputes.findByParty(buyerId, 100).stream()
        .filter(d -> d.orderId().equals(orderId) && d.closedAt() == null)
        .findFirst();
  }

  private long imageWidth(WebElement image) {
    return browser.waitFor(driver -> {
      Object width = browser.script(
          "return arguments[0].complete ? arguments[0].naturalWidth : null", image);
      return width instanceof Long w && w > 0 ? w : null;
    });
  }
}
