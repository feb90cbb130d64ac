package com.marketplace.disputes.notification;

import static com.marketplace.disputes.support.DisputeDriver.claim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.marketplace.disputes.notification.NoticeOutbox.Row;
import com.marketplace.disputes.notification.NoticeOutbox.Status;
import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.TestOrders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real models: every step of a dispute tells the right people at that step, and disputes
 * opened during an SMTP outage lose no step and get every notice exactly once afterwards.
 */
class NoticeProcessIT extends NoticeIntegrationTest {

  private static final String SELLER_MAIL = "sven.seller@example.test";
  private static final String BUYER_MAIL = "bea.buyer@example.test";

  @Autowired DisputeDriver driver;
  @Autowired TestOrders orders;

  private final Set<String> seenKeys = new HashSet<>();

  @Test
  void everyStepOfADisputeTellsThePartiesAtThatStep() {
    ProcessInstance pi = driver.start(claim(orders.eligible(BUYER, SELLER, "49.90"), BUYER));
    String disputeId = (String) driver.variables(pi.getId()).get("disputeId");

    List<ReceivedMail> openedMails = newMails();
    assertThat(notices(openedMails)).containsExactlyInAnyOrder(
        tuple(Notice.DISPUTE_OPENED, SELLER_MAIL), tuple(Notice.DISPUTE_OPENED, BUYER_MAIL));
    ReceivedMail opened = mail(openedMails, Notice.DISPUTE_OPENED, SELLER_MAIL);
    assertThat(mail(openedMails, Notice.DISPUTE_OPENED, BUYER_MAIL).text())
        .as("the buyer's confirmation names the seller's deadline, with no task link")
        .contains("15 days left").doesNotContain("searchQuery=");
    assertThat(opened.bothPartsContain("5. Dezember 2026")).isTrue();
    assertThat(opened.bothPartsContain("noch 15 Tage")).isTrue();
    assertThat(opened.bothPartsContain("Artikel nicht erhalten")).isTrue();
    assertThat(opened.text()).contains("searchQuery=").contains(disputeId);
    assertThat(driver.task(pi.getId(), "RespondToDispute").getDueDate().toInstant())
        .isEqualTo(NOW.plus(Duration.ofDays(15)));

    driver.fireTimer(pi.getId(), "SellerResponseReminder");
    ReceivedMail reminder = single(newMails(), Notice.SELLER_REMINDER, SELLER_MAIL);
    assertThat(reminder.text())
        .contains("#/?task=" + driver.task(pi.getId(), "RespondToDispute").getId());

    driver.complete(pi.getId(), "RespondToDispute", Map.of("sellerResponse", "COUNTER_OFFER",
        "offerResolution", "PARTIAL_REFUND", "offerAmount", "20.00"));
    ReceivedMail offer = single(newMails(), Notice.SELLER_RESPONDED, BUYER_MAIL);
    assertThat(offer.bothPartsContain("20.00 USD")).isTrue();
    assertThat(offer.bothPartsContain("November 27, 2026")).isTrue();

    driver.complete(pi.getId(), "ReviewSellerResponse", Map.of("buyerDecision", "REVISE_CLAIM",
        "description", "Photos attached: the box arrived empty and crushed at one corner."));
    List<ReceivedMail> revised = newMails();
    assertThat(notices(revised)).containsExactlyInAnyOrder(
        tuple(Notice.CLAIM_MODIFIED, SELLER_MAIL), tuple(Notice.CLAIM_MODIFIED, BUYER_MAIL));
    assertThat(mail(revised, Notice.CLAIM_MODIFIED, SELLER_MAIL)
        .bothPartsContain("Photos attached")).isTrue();

    driver.complete(pi.getId(), "RespondToDispute",
        Map.of("sellerResponse", "REJECT", "sellerComment", "Tracking shows it was delivered."));
    assertThat(single(newMails(), Notice.SELLER_RESPONDED, BUYER_MAIL)
        .bothPartsContain("Tracking shows it was delivered.")).isTrue();

    driver.complete(pi.getId(), "ReviewSellerResponse", Map.of("buyerDecision", "ESCALATE"));
    assertThat(notices(newMails())).containsExactlyInAnyOrder(
        tuple(Notice.ESCALATED, BUYER_MAIL), tuple(Notice.ESCALATED, SELLER_MAIL));

    driver.fireTimer(pi.getId(), "MediationSla");
    List<ReceivedMail> overdue = newMails();
    assertThat(notices(overdue)).containsExactlyInAnyOrder(
        tuple(Notice.MEDIATION_SLA_BREACHED, "sabine.senior@example.test"),
        tuple(Notice.MEDIATION_SLA_BREACHED, "sam.senior@example.test"));
    assertThat(mail(overdue, Notice.MEDIATION_SLA_BREACHED, "sam.senior@example.test").text())
        .contains("#/?task=" + driver.task(pi.getId(), "DecideDispute").getId());

    driver.complete(pi.getId(), "DecideDispute", Map.of("platformDecision", "REQUEST_EVIDENCE",
        "evidenceRequestedFrom", "BUYER", "evidenceRequest", "Photos of the empty box, please.",
        "decisionRationale", "Photos needed."));
    ReceivedMail evidence = single(newMails(), Notice.EVIDENCE_REQUESTED, BUYER_MAIL);
    assertThat(evidence.bothPartsContain("Photos of the empty box, please.")).isTrue();
    assertThat(evidence.bothPartsContain("November 25, 2026")).isTrue();

    driver.complete(pi.getId(), "ProvideEvidence", Map.of("evidenceNote", "Three photos."));
    assertThat(notices(newMails())).containsExactlyInAnyOrder(
        tuple(Notice.EVIDENCE_ADDED, BUYER_MAIL), tuple(Notice.EVIDENCE_ADDED, SELLER_MAIL));

    driver.complete(pi.getId(), "DecideDispute", Map.of("platformDecision", "RETURN_AND_REFUND",
        "decisionRules", "SNAD_RETURN_REFUND",
        "decisionRationale", "The photos show an empty box; return it for a full refund."));
    List<ReceivedMail> decided = newMails();
    assertThat(notices(decided)).containsExactlyInAnyOrder(
        tuple(Notice.DECISION, BUYER_MAIL), tuple(Notice.DECISION, SELLER_MAIL),
        tuple(Notice.RETURN_INSTRUCTIONS, BUYER_MAIL),
        tuple(Notice.RETURN_INSTRUCTIONS, SELLER_MAIL));
    ReceivedMail decision = mail(decided, Notice.DECISION, BUYER_MAIL);
    assertThat(decision.bothPartsContain("return it for a full refund")).isTrue();
    assertThat(decision.bothPartsContain("appeal within 30 days")).isTrue();
    ReceivedMail returnToBuyer = mail(decided, Notice.RETURN_INSTRUCTIONS, BUYER_MAIL);
    assertThat(returnToBuyer.bothPartsContain("November 30, 2026")).isTrue();
    assertThat(returnToBuyer.text()).contains("tasklist");
    assertThat(mail(decided, Notice.RETURN_INSTRUCTIONS, SELLER_MAIL).text())
        .doesNotContain("tasklist");

    driver.complete(pi.getId(), "ShipReturn", Map.of("returnTrackingNumber", "RT123456789"));
    List<ReceivedMail> shipped = newMails();
    assertThat(notices(shipped)).containsExactlyInAnyOrder(
        tuple(Notice.RETURN_SHIPPED, BUYER_MAIL), tuple(Notice.RETURN_SHIPPED, SELLER_MAIL));
    assertThat(mail(shipped, Notice.RETURN_SHIPPED, SELLER_MAIL).bothPartsContain("RT123456789"))
        .isTrue();
    driver.complete(pi.getId(), "ConfirmReturnReceived", Map.of());
    List<ReceivedMail> closing = newMails();
    assertThat(notices(closing)).containsExactlyInAnyOrder(
        tuple(Notice.REFUND_ISSUED, BUYER_MAIL), tuple(Notice.REFUND_ISSUED, SELLER_MAIL),
        tuple(Notice.DISPUTE_CLOSED, BUYER_MAIL), tuple(Notice.DISPUTE_CLOSED, SELLER_MAIL));
    Map<String, Object> variables = driver.variables(pi.getId());
    ReceivedMail refund = mail(closing, Notice.REFUND_ISSUED, BUYER_MAIL);
    assertThat(refund.bothPartsContain((String) variables.get("refundId"))).isTrue();
    assertThat(refund.bothPartsContain("49.90 USD")).isTrue();
    ReceivedMail closed = mail(closing, Notice.DISPUTE_CLOSED, BUYER_MAIL);
    assertThat(closed.bothPartsContain("Decided by the platform")).isTrue();
    assertThat(closed.bothPartsContain("appeal until December 20, 2026")).isTrue();

    assertThat(receivedFor(disputeId)).hasSize(24)
        .extracting(ReceivedMail::key).doesNotHaveDuplicates();
    assertThat(outbox.forBusinessKey(disputeId)).hasSize(24)
        .extracting(Row::status).containsOnly(Status.SENT);
  }

  @Test
  void aStepInAPartysOwnCallTellsTheOtherPartyAndLeavesThePartysLoginAsItWas() {
    ProcessInstance pi = driver.start(claim(orders.eligible(BUYER, SELLER, "49.90"), BUYER));
    driver.complete(pi.getId(), "RespondToDispute", Map.of("sellerResponse", "REJECT",
        "sellerComment", "Tracking shows it was delivered."));
    newMails();
    String review = driver.task(pi.getId(), "ReviewSellerResponse").getId();

    // As Tasklist does it: the buyer's own login, with the engine's authorization checks on.
    identityService.setAuthentication(BUYER, List.of());
    try {
      taskService.complete(review, Map.of("buyerDecision", "ESCALATE"));
      assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo(BUYER);
    } finally {
      identityService.clearAuthentication();
    }

    assertThat(notices(newMails())).containsExactlyInAnyOrder(
        tuple(Notice.ESCALATED, BUYER_MAIL), tuple(Notice.ESCALATED, SELLER_MAIL));
  }

  @Test
  void fiftyDisputesOpenedDuringAnOutageGetEveryNoticeOnceWhenTheServerIsBack() {
    smtp.stop();
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      instances.add(runtimeService.startProcessInstanceByKey("disputeMediation",
          claim(orders.eligible(BUYER, SELLER, "49.90"), BUYER)).getId());
    }
    Map<String, String> disputeOf = instances.stream().collect(Collectors.toMap(
        Function.identity(), id -> (String) driver.variables(id).get("disputeId")));

    assertThat(runNoticeJobs(instances)).as("writing a notice needs no mail server").isZero();
    assertThat(dispatcher.sendDue()).isZero();

    for (String id : instances) {
      assertThat(noticeJobOf(id)).isNull();
      assertThat(driver.task(id, "RespondToDispute").getAssignee()).isEqualTo(SELLER);
      assertThat(jdbc.queryForObject("select status from dispute where dispute_id = ?",
          String.class, disputeOf.get(id))).isEqualTo("AWAITING_SELLER");
    }
    // The first notice tried failed and waits for its next attempt; the others were not tried.
    assertThat(instances.stream().flatMap(id -> outbox.forBusinessKey(disputeOf.get(id)).stream())
        .map(row -> row.status() + "/" + row.attempts()))
        .hasSize(100).containsOnly("FAILED/1", "PENDING/0").containsOnlyOnce("FAILED/1");

    smtp = startSmtp();
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(1))));
    assertThat(dispatcher.sendDue()).isEqualTo(100);

    List<String> keys = received().stream().map(ReceivedMail::key).toList();
    assertThat(keys).hasSize(100).doesNotHaveDuplicates();
    assertThat(keys.stream().map(key -> key.substring(0, key.indexOf(':'))).distinct())
        .containsExactlyInAnyOrderElementsOf(disputeOf.values());
    assertThat(instances.stream().flatMap(id -> outbox.forBusinessKey(disputeOf.get(id)).stream())
        .map(row -> row.status() + "/" + row.attempts()))
        .hasSize(100).containsOnly("SENT/2", "SENT/1").containsOnlyOnce("SENT/2");
  }

  /** Runs every due notice job of the instances once; returns how many failed. */
  private int runNoticeJobs(List<String> instances) {
    int failures = 0;
    for (String id : instances) {
      for (Job job : managementService.createJobQuery().processInstanceId(id).messages()
          .executable().list()) {
        try {
          managementService.executeJob(job.getId());
        } catch (RuntimeException smtpDown) {
          failures++;
        }
      }
    }
    return failures;
  }

  private Job noticeJobOf(String processInstanceId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId)
        .activityId("NotifyDisputeOpened").singleResult();
  }

  /**
   * Sends what is due, then returns the mails received since the last call (GreenMail lists them
   * by mailbox, not by time).
   */
  private List<ReceivedMail> newMails() {
    dispatcher.sendDue();
    return received().stream().filter(mail -> seenKeys.add(mail.key())).toList();
  }

  private static List<Tuple> notices(List<ReceivedMail> mails) {
    return mails.stream().map(mail -> tuple(notice(mail), mail.to().get(0))).toList();
  }

  private static ReceivedMail single(List<ReceivedMail> mails, Notice notice, String to) {
    assertThat(notices(mails)).containsExactly(tuple(notice, to));
    return mails.get(0);
  }

  private static ReceivedMail mail(List<ReceivedMail> mails, Notice notice, String to) {
    return mails.stream().filter(mail -> notice(mail) == notice && mail.to().get(0).equals(to))
        .findFirst().orElseThrow();
  }

  private static Notice notice(ReceivedMail mail) {
    return Notice.valueOf(mail.key().split(":")[1]);
  }
}
