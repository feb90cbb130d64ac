package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.support.DisputeDriver.claim;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.ProcessTest;
import com.marketplace.disputes.support.TestOrders;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of disputeMediation, driven as buyer, seller, mediator and clock would drive it. */
@ProcessTest
class DisputeMediationProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired DisputeDriver driver;
  @Autowired TestOrders orders;
  @Autowired JdbcClient jdbc;

  String orderId;

  @BeforeEach
  void setUp() {
    init(engine);
    orderId = orders.eligible("buyer1", "seller1", "49.90");
  }

  private ProcessInstance openDispute() {
    ProcessInstance pi = driver.start(claim(orderId, "buyer1"));
    assertThat(pi).isWaitingAt("RespondToDispute");
    return pi;
  }

  private String disputeId(ProcessInstance pi) {
    return (String) driver.variables(pi.getId()).get("disputeId");
  }

  private void assertClosed(ProcessInstance pi, String closureReason, String resolution,
      String refundAmount) {
    assertThat(pi).isEnded().hasPassed("CloseDispute", "EndEvent_DisputeClosed");
    Map<String, Object> vars = driver.variables(pi.getId());
    Assertions.assertThat(vars).containsEntry("closureReason", closureReason)
        .containsEntry("resolution", resolution).containsEntry("refundAmount", refundAmount);
    Assertions.assertThat(jdbc.sql("select status, closure_reason from dispute where dispute_id = ?")
        .param(vars.get("disputeId")).query().singleRow())
        .containsEntry("STATUS", "CLOSED").containsEntry("CLOSURE_REASON", closureReason);
  }

  @Test
  void sellerAcceptsClaimAndBuyerIsRefundedInFull() {
    ProcessInstance pi = openDispute();
    String disputeId = disputeId(pi);
    Assertions.assertThat(disputeId).matches("D-[2-9A-Z]{8}");
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getBusinessKey()).isEqualTo(disputeId);
    Assertions.assertThat(driver.variables(pi.getId())).containsEntry("sellerId", "seller1")
        .containsEntry("orderAmount", "49.90").containsEntry("currency", "USD")
        .containsEntry("eligible", true);
    Assertions.assertThat(driver.task(pi.getId(), "RespondToDispute").getAssignee())
        .isEqualTo("seller1");
    Assertions.assertThat(driver.task(pi.getId(), "RespondToDispute").getDueDate()).isNotNull();

    driver.complete(pi.getId(), "RespondToDispute", Map.of("sellerResponse", "ACCEPT"));

    assertThat(pi).hasPassed("SettleOnClaim", "EndEvent_ClaimAccepted", "CarryOutResolution");
    assertClosed(pi, "AGREEMENT", "FULL_REFUND", "49.90");
    Assertions.assertThat(driver.variables(pi.getId())).containsKeys("refundId", "refundExpectedBy");
  }

  @Test
  void badStartVariablesAreRefusedAndLeaveNothingBehind() {
    long before = runtimeService.createProcessInstanceQuery().count();
    Map<String, Object> vars = claim(orderId, "buyer1");
    vars.put("description", "too short");
    vars.put("reason", "BORED");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("disputeMediation", vars))
        .hasMessageContaining("description").hasMessageContaining("reason");
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    Assertions.assertThat(jdbc.sql("select count(*) from dispute where order_id = ?")
        .param(orderId).query(Long.class).single()).isZero();
  }

  @Test
  void partialRefundNeedsAnAmountBelowTheOrderAmount() {
    Map<String, Object> vars = claim(orderId, "buyer1");
    vars.put("requestedResolution", "PARTIAL_REFUND");
    vars.put("requestedAmount", "49.90");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("disputeMediation", vars))
        .hasMessageContaining("requestedAmount");
  }

  @Test
  void ineligibleRequestEndsAtOnce() {
    String digital = orders.order("buyer1", "seller1", "9.99", "DIGITAL", Duration.ofDays(20),
        Duration.ofDays(40));
    ProcessInstance pi = driver.start(claim(digital, "buyer1"));
    assertThat(pi).isEnded().hasPassed("EndEvent_DisputeIneligible");
    Assertions.assertThat(driver.variables(pi.getId())).containsEntry("eligible", false)
        .containsEntry("ineligibilityReason", "DIGITAL_ITEM")
        .containsEntry("closureReason", "INELIGIBLE").containsEntry("resolution", "NONE")
        .containsEntry("refundAmount", "0.00");
  }

  @Test
  void anotherBuyersOrderIsIneligible() {
    ProcessInstance pi = driver.start(claim(orderId, "buyer2"));
    assertThat(pi).isEnded().hasPassed("EndEvent_NotTheOrderBuyer");
    Assertions.assertThat(driver.variables(pi.getId()))
        .containsEntry("ineligibilityReason", "NOT_ORDER_BUYER");
  }

  @Test
  void counterOfferAcceptedByBuyerRefundsTheOfferedAmount() {
    ProcessInstance pi = openDispute();
    driver.complete(pi.getId(), "RespondToDispute", Map.of("sellerResponse", "COUNTER_OFFER",
        "offerResolution", "PARTIAL_REFUND", "offerAmount", "20.00"));
    assertThat(pi).hasPassed("NotifySellerResponded").isWaitingAt("ReviewSellerResponse");
    Assertions.assertThat(driver.task(pi.getId(), "ReviewSellerResponse").getAssignee())
        .isEqualTo("buyer1");

    driver.complete(pi.getId(), "ReviewSellerResponse", Map.of("buyerDecision", "ACCEPT_OFFER"));

    assertThat(pi).hasPassed("SettleOnOffer", "EndEvent_OfferAccepted");
    assertClosed(pi, "AGREEMENT", "PARTIAL_REFUND", "20.00");
    Assertions.assertThat(jdbc.sql("select status from dispute_offer where dispute_id = ?")
        .param(disputeId(pi)).query(String.class).single()).isEqualTo("ACCEPTED");
  }

  @Test
  void acceptingAnOfferThatWasNeverMadeIsRefused() {
    ProcessInstance pi = openDispute();
    driver.complete(pi.getId(), "RespondToDispute",
        Map.of("sellerResponse", "REJECT", "sellerComment", "Tracking shows it was delivered."));
    assertThatThrownBy(() -> driver.complete(pi.getId(), "ReviewSellerResponse",
        Map.of("buyerDecision", "ACCEPT_OFFER"))).hasMessageContaining("buyerDecision");
    assertThat(pi).isWaitingAt("ReviewSellerResponse");
  }

  @Test
  void rejectingWithoutAReasonIsRefused() {
    ProcessInstance pi = openDispute();
    assertThatThrownBy(() -> driver.complete(pi.getId(), "RespondToDispute",
        Map.of("sellerResponse", "REJECT"))).hasMessageContaining("sellerComment");
    assertThat(pi).isWaitingAt("RespondToDispute");
  }

  @Test
  void buyerEscalatesAfterRejectionAndMediatorRejectsClaim() {
    ProcessInstance pi = openDispute();
    driver.complete(pi.getId(), "RespondToDispute",
        Map.of("sellerResponse", "REJECT", "sellerComment", "Tracking shows it was delivered."));
    driver.complete(pi.getId(), "ReviewSellerResponse", Map.of("buyerDecision", "ESCALATE"));

    assertThat(pi).hasPassed("EndEvent_EscalatedByBuyer", "EscalateToPlatform", "NotifyEscalation")
        .isWaitingAt("DecideDispute");
    Assertions.assertThat(driver.variables(pi.getId()))
        .containsEntry("escalationReason", "BUYER_REQUESTED");
    assertThatThrownBy(() -> driver.complete(pi.getId(), "DecideDispute",
        Map.of("platformDecision", "REJECT_CLAIM"))).hasMessageContaining("decisionRationale");

    driver.complete(pi.getId(), "DecideDispute", Map.of("platformDecision", "REJECT_CLAIM",
        "decisionRules", "CLAIM_UNSUPPORTED",
        "decisionRationale", "Carrier confirms delivery with a signature."));

    assertThat(pi).hasPassed("RecordDecision", "NotifyDecision").hasNotPassed("CarryOutResolution");
    assertClosed(pi, "PLATFORM_DECISION", "NONE", "0.00");
  }

  @Test
  void sellerSilenceEscalatesToPlatformAndPartialRefundIsPaid() {
    ProcessInstance pi = openDispute();
    driver.fireTimer(pi.getId(), "SellerResponseDeadline");

    assertThat(pi).hasPassed("EndEvent_SellerSilent").isWaitingAt("DecideDispute");
    Assertions.assertThat(driver.variables(pi.getId()))
        .containsEntry("escalationReason", "SELLER_NO_RESPONSE");

    driver.complete(pi.getId(), "DecideDispute", Map.of("platformDecision", "PARTIAL_REFUND",
        "decisionRules", "MINOR_DEFECT_PARTIAL",
        "decisionAmount", "15.5", "decisionRationale", "Item arrived late; partial compensation."));

    assertClosed(pi, "PLATFORM_DECISION", "PARTIAL_REFUND", "15.50");
    Assertions.assertThat(jdbc.sql("select sum(amount) from refund where dispute_id = ?")
        .param(disputeId(pi)).query(java.math.BigDecimal.class).single())
        .isEqualByComparingTo("15.50");
  }

  @Test
  void sellerIsRemindedThreeDaysBeforeTheDeadline() {
    ProcessInstance pi = openDispute();
    driver.fireTimer(pi.getId(), "SellerResponseReminder");
    assertThat(pi).hasPassed("SendSellerReminder", "EndEvent_SellerReminded")
        .isWaitingAt("RespondToDispute");
  }

  @Test
  void buyerSilenceAfterCounterOfferTakesTheOfferAsAccepted() {
    ProcessInstance pi = openDispute();
    driver.complete(pi.getId(), "RespondToDispute", Map.of("sellerResponse", "COUNTER_OFFER",
        "offerResolution", "REPLACEMENT"));
    driver.fireTimer(pi.getId(), "BuyerResponseDeadline");

    assertThat(pi).hasPassed("SettleOnBuyerSilence", "EndEvent_BuyerSilent", "CarryOutResolution");
    assertClosed(pi, "BUYER_NO_RESPONSE", "REPLACEMENT", "0.00");
  }

  @Test
  void buyerSilenceAfterRejectionClosesWithoutResolution() {
    ProcessInstance pi = openDispute();
    driver.complete(pi.getId(), "RespondToDispute",
        Map.of("sellerResponse", "REJECT", "sellerComment", "Not our fault."));
    driver.fireTimer(pi.getId(), "BuyerResponseDeadline");

    assertThat(pi).hasPassed("EndEvent_BuyerSilent").hasNotPassed("CarryOutResolution");
    assertClosed(pi, "BUYER_NO_RESPONSE", "NONE", "0.00");
  }

  @Test
  void revisedClaimGoesBackToSellerWithAFreshClock() {
    ProcessInstance pi = openDispute();
    java.util.Date firstDue = driver.task(pi.getId(), "RespondToDispute").getDueDate();
    driver.complete(pi.getId(), "RespondToDispute",
        Map.of("sellerResponse", "REJECT", "sellerComment", "Please send photos."));
    org.camunda.bpm.engine.impl.util.ClockUtil.offset(Duration.ofDays(3).toMillis());
    try {
      driver.complete(pi.getId(), "ReviewSellerResponse", Map.of("buyerDecision", "REVISE_CLAIM",
          "description", "Photos attached: the box arrived empty and crushed at one corner."));
      assertThat(pi).hasPassed("ReviseClaim", "NotifyClaimRevised").isWaitingAt("RespondToDispute");
      Assertions.assertThat(driver.task(pi.getId(), "RespondToDispute").getDueDate())
          .isAfter(firstDue);
      Assertions.assertThat(jdbc.sql("select description from dispute where dispute_id = ?")
          .param(disputeId(pi)).query(String.class).single()).startsWith("Photos attached");
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  @Test
  void buyerCancelsInTheReviewAndTheOrderCannotBeDisputedAgain() {
    ProcessInstance pi = openDispute();
    driver.complete(pi.getId(), "RespondToDispute",
        Map.of("sellerResponse", "REJECT", "sellerComment", "Not our fault."));
    driver.complete(pi.getId(), "ReviewSellerResponse", Map.of("buyerDecision", "CANCEL"));

    assertThat(pi).hasPassed("EndEvent_CancelledByBuyer");
    assertClosed(pi, "CANCELLED_BY_BUYER", "NONE", "0.00");

    ProcessInstance again = driver.start(claim(orderId, "buyer1"));
    assertThat(again).isEnded().hasPassed("EndEvent_DisputeIneligible");
    Assertions.assertThat(driver.variables(again.getId()))
        .containsEntry("ineligibilityReason", "DISPUTE_EXISTS");
  }

  @Test
  void secondDisputeForAnOpenOneIsIneligible() {
    openDispute();
    ProcessInstance second = driver.start(claim(orderId, "buyer1"));
    Assertions.assertThat(driver.variables(second.getId()))
        .containsEntry("ineligibilityReason", "DISPUTE_EXISTS");
  }

  @Test
  void sellerRequestsEscalationByMessage() {
    ProcessInstance pi = openDispute();
    driver.correlate(disputeId(pi), "DisputeEscalationRequested", Map.of("requestedBy", "SELLER"));
    driver.runAsync(pi.getId());

    assertThat(pi).hasPassed("StartEvent_EscalationRequested", "EndEvent_EscalationRequested")
        .isWaitingAt("DecideDispute");
    Assertions.assertThat(driver.variables(pi.getId()))
        .containsEntry("escalationReason", "SELLER_REQUESTED");
  }

  @Test
  void buyerCancelsByMessage() {
    ProcessInstance pi = openDispute();
    driver.correlate(disputeId(pi), "DisputeCancelled", Map.of());
    driver.runAsync(pi.getId());

    assertThat(pi).hasPassed("EndEvent_CancelledOnRequest");
    assertClosed(pi, "CANCELLED_BY_BUYER", "NONE", "0.00");
  }

  @Test
  void modifiedClaimRestartsTheSellersDeadline() {
    ProcessInstance pi = openDispute();
    java.util.Date firstDeadline = driver.timer(pi.getId(), "SellerResponseDeadline").getDuedate();
    // A clock that stands still: the timers and the due date are read from the same "now".
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
        org.camunda.bpm.engine.impl.util.ClockUtil.now().toInstant().plus(Duration.ofDays(5))));
    try {
      driver.correlate(disputeId(pi), "DisputeModified", Map.of("description",
          "New photos: the screen is cracked across the whole width."));
      driver.runAsync(pi.getId());

      assertThat(pi).hasPassed("ModifyClaim", "NotifyClaimModified", "EndEvent_ClaimModified")
          .hasPassed("ClaimChangedForSeller").isWaitingAt("RespondToDispute");
      java.util.Date newDeadline = driver.timer(pi.getId(), "SellerResponseDeadline").getDuedate();
      Assertions.assertThat(newDeadline.getTime() - firstDeadline.getTime())
          .isBetween(Duration.ofDays(5).toMillis() - 60_000, Duration.ofDays(5).toMillis() + 60_000);
      Assertions.assertThat(driver.task(pi.getId(), "RespondToDispute").getDueDate())
          .isEqualTo(newDeadline);
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  @Test
  void modificationAfterTheReminderArmsANewReminderBeforeTheNewDeadline() {
    ProcessInstance pi = openDispute();
    driver.fireTimer(pi.getId(), "SellerResponseReminder");
    Assertions.assertThat(driver.timer(pi.getId(), "SellerResponseReminder")).isNull();
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
        org.camunda.bpm.engine.impl.util.ClockUtil.now().toInstant().plus(Duration.ofDays(13))));
    try {
      driver.correlate(disputeId(pi), "DisputeModified", Map.of("description",
          "New photos: the screen is cracked across the whole width."));
      driver.runAsync(pi.getId());

      java.util.Date deadline = driver.timer(pi.getId(), "SellerResponseDeadline").getDuedate();
      org.camunda.bpm.engine.runtime.Job reminder =
          driver.timer(pi.getId(), "SellerResponseReminder");
      Assertions.assertThat(reminder).as("a new reminder").isNotNull();
      Assertions.assertThat(deadline.getTime() - reminder.getDuedate().getTime())
          .isEqualTo(Duration.ofDays(3).toMillis());
      Assertions.assertThat(driver.task(pi.getId(), "RespondToDispute").getDueDate())
          .isEqualTo(deadline);
      Assertions.assertThat(deadline.getTime()
              - org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime())
          .isBetween(Duration.ofDays(15).toMillis() - 60_000, Duration.ofDays(15).toMillis());

      driver.fireTimer(pi.getId(), "SellerResponseReminder");
      Assertions.assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
          .processInstanceId(pi.getId()).activityId("SendSellerReminder").finished().count())
          .isEqualTo(2);
      assertThat(pi).isWaitingAt("RespondToDispute");
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  @Test
  void modificationWhileTheBuyerReviewsKeepsTheReviewAndTheNextSellerTurnWaits() {
    ProcessInstance pi = openDispute();
    driver.complete(pi.getId(), "RespondToDispute",
        Map.of("sellerResponse", "REJECT", "sellerComment", "Please send photos."));
    String review = driver.task(pi.getId(), "ReviewSellerResponse").getId();
    driver.correlate(disputeId(pi), "DisputeModified", Map.of("description",
        "New photos: the screen is cracked across the whole width."));
    driver.runAsync(pi.getId());

    assertThat(pi).hasPassed("ModifyClaim").hasNotPassed("ClaimChangedForSeller")
        .isWaitingAt("ReviewSellerResponse");
    Assertions.assertThat(driver.task(pi.getId(), "ReviewSellerResponse").getId()).isEqualTo(review);

    // The seller's next turn answers the claim as changed: it waits for the seller.
    driver.complete(pi.getId(), "ReviewSellerResponse", Map.of("buyerDecision", "REVISE_CLAIM",
        "description", "Photos attached: the box arrived empty and crushed at one corner."));
    assertThat(pi).isWaitingAt("RespondToDispute").hasNotPassed("ClaimChangedForSeller");
    Assertions.assertThat(driver.timer(pi.getId(), "SellerResponseReminder")).isNotNull();
  }

  @Test
  void modificationThatBreaksTheRulesIsRefused() {
    ProcessInstance pi = openDispute();
    assertThatThrownBy(() -> driver.correlate(disputeId(pi), "DisputeModified",
        Map.of("description", "short"))).hasMessageContaining("description");
    Assertions.assertThat(jdbc.sql("select description from dispute where dispute_id = ?")
        .param(disputeId(pi)).query(String.class).single()).startsWith("The parcel never arrived");
  }

  @Test
  void messagesNoLongerApplyOnceThePlatformReviews() {
    ProcessInstance pi = openDispute();
    driver.fireTimer(pi.getId(), "SellerResponseDeadline");
    assertThat(pi).isWaitingAt("DecideDispute");
    assertThatThrownBy(() -> driver.correlate(disputeId(pi), "DisputeCancelled", Map.of()))
        .isInstanceOf(MismatchingMessageCorrelationException.class);
    assertThat(pi).isWaitingAt("DecideDispute");
  }

  @Test
  void mediationSlaFlagsTheDisputeOverdue() {
    ProcessInstance pi = openDispute();
    driver.fireTimer(pi.getId(), "SellerResponseDeadline");
    driver.fireTimer(pi.getId(), "MediationSla");

    assertThat(pi).hasPassed("FlagMediationOverdue", "NotifyMediationSlaBreached",
        "EndEvent_MediationFlagged").isWaitingAt("DecideDispute");
    Assertions.assertThat(driver.variables(pi.getId())).containsEntry("mediationOverdue", true);
    Assertions.assertThat(jdbc.sql("select overdue from dispute where dispute_id = ?")
        .param(disputeId(pi)).query(Boolean.class).single()).isTrue();
    Assertions.assertThat(rowTime(pi, "mediation_sla_breached_at")).isNotNull()
        .isEqualTo(eventTimes(pi, "MEDIATION_SLA_BREACHED").get(0));
    Assertions.assertThat(rowTime(pi, "seller_answered_at")).isNull();
  }

  @Test
  void theSellersFirstAnswerStaysOnTheDisputeThroughARevision() {
    ProcessInstance pi = openDispute();
    driver.complete(pi.getId(), "RespondToDispute",
        Map.of("sellerResponse", "REJECT", "sellerComment", "Please send photos."));
    Instant rejected = eventTimes(pi, "SELLER_REJECTED").get(0);
    Assertions.assertThat(rowTime(pi, "seller_answered_at")).isEqualTo(rejected);
    org.camunda.bpm.engine.impl.util.ClockUtil.offset(Duration.ofDays(3).toMillis());
    try {
      driver.complete(pi.getId(), "ReviewSellerResponse", Map.of("buyerDecision", "REVISE_CLAIM",
          "description", "Photos attached: the box arrived empty and crushed at one corner."));
      driver.complete(pi.getId(), "RespondToDispute", Map.of("sellerResponse", "ACCEPT"));
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
    Assertions.assertThat(eventTimes(pi, "SELLER_ACCEPTED").get(0)).isAfter(rejected);
    Assertions.assertThat(rowTime(pi, "seller_answered_at")).isEqualTo(rejected);
  }

  private Instant rowTime(ProcessInstance pi, String column) {
    OffsetDateTime at = jdbc.sql("select " + column + " from dispute where dispute_id = ?")
        .param(disputeId(pi)).query((rs, i) -> rs.getObject(1, OffsetDateTime.class)).list()
        .get(0);
    return at == null ? null : at.toInstant();
  }

  private List<Instant> eventTimes(ProcessInstance pi, String type) {
    return jdbc.sql("""
        select occurred_at from dispute_event where dispute_id = ? and event_type = ?
        order by occurred_at""")
        .param(disputeId(pi)).param(type).query(OffsetDateTime.class).list().stream()
        .map(OffsetDateTime::toInstant).toList();
  }

  @Test
  void mediatorAsksSellerForEvidenceThenDecides() {
    ProcessInstance pi = openDispute();
    driver.fireTimer(pi.getId(), "SellerResponseDeadline");
    driver.complete(pi.getId(), "DecideDispute", Map.of("platformDecision", "REQUEST_EVIDENCE",
        "evidenceRequestedFrom", "SELLER", "evidenceRequest", "Proof of delivery, please.",
        "decisionRationale", "Need the carrier's proof before deciding."));

    assertThat(pi).hasPassed("NotifyEvidenceRequested").isWaitingAt("ProvideEvidence");
    Assertions.assertThat(driver.task(pi.getId(), "ProvideEvidence").getAssignee())
        .isEqualTo("seller1");
    driver.complete(pi.getId(), "ProvideEvidence",
        Map.of("evidenceNote", "Carrier's delivery scan attached."));
    assertThat(pi).isWaitingAt("DecideDispute");

    driver.complete(pi.getId(), "DecideDispute", Map.of("platformDecision", "FULL_REFUND",
        "decisionRules", "INR_NO_DELIVERY_PROOF",
        "decisionRationale", "The scan shows a different address."));
    assertClosed(pi, "PLATFORM_DECISION", "FULL_REFUND", "49.90");
  }

  @Test
  void evidenceNotProvidedInTimeGoesBackToTheMediator() {
    ProcessInstance pi = openDispute();
    driver.fireTimer(pi.getId(), "SellerResponseDeadline");
    driver.complete(pi.getId(), "DecideDispute", Map.of("platformDecision", "REQUEST_EVIDENCE",
        "evidenceRequestedFrom", "BUYER", "evidenceRequest", "Photos of the damage.",
        "decisionRationale", "Photos needed."));
    Assertions.assertThat(driver.task(pi.getId(), "ProvideEvidence").getAssignee())
        .isEqualTo("buyer1");
    driver.fireTimer(pi.getId(), "EvidenceDeadline");

    assertThat(pi).hasPassed("NoteEvidenceMissing").isWaitingAt("DecideDispute");
    Assertions.assertThat(jdbc.sql(
        "select count(*) from dispute_event where dispute_id = ? and event_type = 'EVIDENCE_NOT_PROVIDED'")
        .param(disputeId(pi)).query(Long.class).single()).isEqualTo(1L);
  }
}
