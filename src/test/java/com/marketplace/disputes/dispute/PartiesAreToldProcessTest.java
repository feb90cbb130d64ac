package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.support.DisputeDriver.claim;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.marketplace.disputes.kernel.LimitReachedException;
import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.ProcessTest;
import com.marketplace.disputes.support.TestOrders;
import com.marketplace.disputes.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nothing ends silently: each step that changes what a party can expect writes its notice rows
 * (one per recipient) in the step's transaction, a refused request included; and a party's
 * escalation reason and claim changes go where the policy lets them.
 */
@ProcessTest
class PartiesAreToldProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired DisputeDriver driver;
  @Autowired TestOrders orders;
  @Autowired JdbcClient jdbc;

  String orderId;

  @BeforeEach
  void setUp() {
    init(engine);
    // Parties with addresses: a notice to someone without one is written, but not rendered.
    TestUsers users = new TestUsers(engine.getIdentityService());
    users.user(BUYER, "buyers");
    users.user(SELLER, "sellers");
    orderId = orders.eligible(BUYER, SELLER, "49.90");
  }

  static final String BUYER = "toldbuyer";
  static final String SELLER = "toldseller";

  private ProcessInstance openDispute() {
    ProcessInstance pi = driver.start(claim(orderId, BUYER));
    assertThat(pi).isWaitingAt("RespondToDispute");
    return pi;
  }

  private String disputeId(ProcessInstance pi) {
    return (String) driver.variables(pi.getId()).get("disputeId");
  }

  /** "NOTICE recipient ROLE" for each outbox row of the dispute written by {@code activityId}. */
  private List<String> notices(String disputeId, String activityId) {
    return jdbc.sql("""
        select notice, recipient_id, recipient_role from notice_outbox
        where business_key = ? and activity_id = ? order by recipient_id""")
        .param(disputeId).param(activityId)
        .query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list();
  }

  private String text(String disputeId, String activityId, String recipient) {
    return jdbc.sql("""
        select b.body_text from notice_outbox o join notice_body b
          on b.idempotency_key = o.idempotency_key
        where o.business_key = ? and o.activity_id = ? and o.recipient_id = ?""")
        .param(disputeId).param(activityId).param(recipient).query(String.class).single();
  }

  @Test
  void anIneligibleRequestTellsTheBuyerWhy() {
    String digital = orders.order(BUYER, SELLER, "9.99", "DIGITAL", Duration.ofDays(20),
        Duration.ofDays(40));
    ProcessInstance pi = driver.start(claim(digital, BUYER));

    assertThat(pi).isEnded().hasPassed("Gateway_AskedByOrderBuyer", "NotifyDisputeRefused",
        "EndEvent_DisputeIneligible");
    String requestId = disputeId(pi);
    Assertions.assertThat(notices(requestId, "NotifyDisputeRefused"))
        .containsExactly("DISPUTE_REFUSED " + BUYER + " BUYER");
    Assertions.assertThat(text(requestId, "NotifyDisputeRefused", BUYER))
        .contains("Digital items cannot be disputed", digital);
    Assertions.assertThat(notices(requestId, "NotifyDisputeOpened")).isEmpty();
  }

  @Test
  void someoneWhoIsNotTheOrdersBuyerIsToldNothingAboutTheOrderByMail() {
    ProcessInstance pi = driver.start(claim(orderId, "buyer2"));

    assertThat(pi).isEnded().hasPassed("EndEvent_NotTheOrderBuyer")
        .hasNotPassed("NotifyDisputeRefused");
    Assertions.assertThat(driver.variables(pi.getId()))
        .containsEntry("ineligibilityReason", "NOT_ORDER_BUYER");
    Assertions.assertThat(jdbc.sql("select count(*) from notice_outbox where business_key = ?")
        .param(disputeId(pi)).query(Long.class).single()).isZero();
  }

  @Test
  void theBuyerIsToldTheDisputeIsOpenWithTheSellersDeadline() {
    ProcessInstance pi = openDispute();
    String disputeId = disputeId(pi);

    Assertions.assertThat(notices(disputeId, "NotifyDisputeOpened"))
        .containsExactly("DISPUTE_OPENED " + BUYER + " BUYER", "DISPUTE_OPENED " + SELLER + " SELLER");
    String toBuyer = text(disputeId, "NotifyDisputeOpened", BUYER);
    Assertions.assertThat(toBuyer).contains("Your dispute " + disputeId, "Seller’s response due")
        .doesNotContain("tasklist/default/#/?");
    Assertions.assertThat(text(disputeId, "NotifyDisputeOpened", SELLER))
        .contains("Please respond", "tasklist/default/#/?");
  }

  @Test
  void aChangedClaimRestartsTheSellersDeadlineAndTellsBoth() {
    ProcessInstance pi = openDispute();
    String disputeId = disputeId(pi);
    Date firstDeadline = driver.timer(pi.getId(), "SellerResponseDeadline").getDuedate();
    Instant later = ClockUtil.now().toInstant().plus(Duration.ofDays(6));
    ClockUtil.setCurrentTime(Date.from(later));
    try {
      driver.correlate(disputeId, "DisputeModified", Map.of("description",
          "The screen is cracked across the whole width; photos of it are attached."));

      assertThat(pi).hasPassed("ModifyClaim", "ClaimChangedForSeller", "NotifyClaimModified")
          .isWaitingAt("RespondToDispute");
      Date restarted = driver.timer(pi.getId(), "SellerResponseDeadline").getDuedate();
      Assertions.assertThat(restarted).isAfter(firstDeadline);
      Assertions.assertThat(Duration.between(later, restarted.toInstant()))
          .isBetween(Duration.ofDays(15).minusMinutes(1), Duration.ofDays(15));
      Assertions.assertThat(notices(disputeId, "NotifyClaimModified"))
          .containsExactly("CLAIM_MODIFIED " + BUYER + " BUYER", "CLAIM_MODIFIED " + SELLER + " SELLER");
      Assertions.assertThat(text(disputeId, "NotifyClaimModified", BUYER))
          .contains("Your changed claim", "Seller’s response due");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void theClaimChangesNoMoreOftenThanThePolicyAllows() {
    ProcessInstance pi = openDispute();
    String disputeId = disputeId(pi);
    for (int i = 1; i <= 3; i++) {
      driver.correlate(disputeId, "DisputeModified", Map.of("description",
          "Change number " + i + ": the screen is cracked across the whole width."));
    }
    Date deadline = driver.timer(pi.getId(), "SellerResponseDeadline").getDuedate();

    assertThatThrownBy(() -> driver.correlate(disputeId, "DisputeModified", Map.of("description",
        "Change number 4: the screen is cracked across the whole width.")))
        .isInstanceOf(LimitReachedException.class)
        .hasMessageContaining("changed 3 times")
        .satisfies(e -> Assertions.assertThat(((LimitReachedException) e).limit())
            .isEqualTo("disputes.policy.max-claim-changes"));

    Assertions.assertThat(jdbc.sql("select description from dispute where dispute_id = ?")
        .param(disputeId).query(String.class).single()).startsWith("Change number 3");
    Assertions.assertThat(notices(disputeId, "NotifyClaimModified")).hasSize(6);
    Assertions.assertThat(driver.timer(pi.getId(), "SellerResponseDeadline").getDuedate())
        .isEqualTo(deadline);
  }

  @Test
  void providedEvidenceIsToldToBoth() {
    ProcessInstance pi = openDispute();
    driver.fireTimer(pi.getId(), "SellerResponseDeadline");
    driver.complete(pi.getId(), "DecideDispute", Map.of("platformDecision", "REQUEST_EVIDENCE",
        "evidenceRequestedFrom", "SELLER", "evidenceRequest", "Proof of delivery, please.",
        "decisionRationale", "Need the carrier's proof before deciding."));
    driver.complete(pi.getId(), "ProvideEvidence",
        Map.of("evidenceNote", "Carrier's delivery scan attached."));

    assertThat(pi).hasPassed("NotifyEvidenceAdded").isWaitingAt("DecideDispute");
    Assertions.assertThat(notices(disputeId(pi), "NotifyEvidenceAdded"))
        .containsExactly("EVIDENCE_ADDED " + BUYER + " BUYER", "EVIDENCE_ADDED " + SELLER + " SELLER");
    Assertions.assertThat(text(disputeId(pi), "NotifyEvidenceAdded", BUYER))
        .contains("Carrier's delivery scan attached.", "Proof of delivery, please.");
  }

  @Test
  void aShippedReturnAndThePaidRefundAreToldToBoth() {
    Map<String, Object> vars = claim(orderId, BUYER);
    vars.put("requestedResolution", "RETURN_AND_REFUND");
    ProcessInstance pi = driver.start(vars);
    String disputeId = disputeId(pi);
    driver.complete(pi.getId(), "RespondToDispute", Map.of("sellerResponse", "ACCEPT"));
    driver.complete(pi.getId(), "ShipReturn", Map.of("returnTrackingNumber", "RT987654321"));

    Assertions.assertThat(notices(disputeId, "NotifyReturnShipped"))
        .containsExactly("RETURN_SHIPPED " + BUYER + " BUYER", "RETURN_SHIPPED " + SELLER + " SELLER");
    Assertions.assertThat(text(disputeId, "NotifyReturnShipped", SELLER))
        .contains("RT987654321", "Confirmation of receipt due", "tasklist/default/#/?");
    Assertions.assertThat(text(disputeId, "NotifyReturnShipped", BUYER))
        .contains("RT987654321").doesNotContain("tasklist/default/#/?");

    driver.complete(pi.getId(), "ConfirmReturnReceived", Map.of());
    assertThat(pi).isEnded();
    Assertions.assertThat(notices(disputeId, "NotifyRefundIssued"))
        .containsExactly("REFUND_ISSUED " + BUYER + " BUYER", "REFUND_ISSUED " + SELLER + " SELLER");
  }

  @Test
  void aPartysEscalationReasonAndCommentReachTheRecordAndTheTimeline() {
    ProcessInstance pi = openDispute();
    String disputeId = disputeId(pi);
    Map<String, Object> asked = new HashMap<>();
    asked.put("requestedBy", "SELLER");
    asked.put("escalationRequestReason", "STUCK");
    asked.put("escalationComment", "We cannot agree on the condition of the returned item.");
    driver.correlate(disputeId, "DisputeEscalationRequested", asked);

    assertThat(pi).isWaitingAt("DecideDispute");
    Assertions.assertThat(driver.variables(pi.getId()))
        .containsEntry("escalationReason", "SELLER_REQUESTED")
        .containsEntry("escalationRequestReason", "STUCK");
    Assertions.assertThat(jdbc.sql("""
        select escalation_reason, escalation_request_reason, escalation_comment from dispute
        where dispute_id = ?""").param(disputeId).query().singleRow())
        .containsEntry("ESCALATION_REASON", "SELLER_REQUESTED")
        .containsEntry("ESCALATION_REQUEST_REASON", "STUCK")
        .containsEntry("ESCALATION_COMMENT",
            "We cannot agree on the condition of the returned item.");
    Assertions.assertThat(jdbc.sql("""
        select event_type || ' ' || actor || ' ' || detail from dispute_event
        where dispute_id = ? and event_type like 'ESCALAT%' order by event_id""")
        .param(disputeId).query(String.class).list()).containsExactly(
        "ESCALATION_REQUESTED " + SELLER + " We cannot agree on the condition of the returned item.",
        "ESCALATED " + SELLER + " STUCK");
  }

  @Test
  void anUnknownEscalationReasonIsRefusedNamingTheAllowedOnes() {
    ProcessInstance pi = openDispute();
    assertThatThrownBy(() -> driver.correlate(disputeId(pi), "DisputeEscalationRequested",
        Map.of("requestedBy", "BUYER", "escalationRequestReason", "BORED")))
        .hasMessageContaining("escalationRequestReason")
        .hasMessageContaining("SELLER_UNRESPONSIVE, STUCK, UNFAIR_REJECTION, UNREASONABLE_OFFER");
    assertThat(pi).isWaitingAt("RespondToDispute");
  }
}
