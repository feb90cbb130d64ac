package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.support.DisputeDriver.claim;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.ProcessTest;
import com.marketplace.disputes.support.TestOrders;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Money and parties come from the service's records: each attack changes the variables a step
 * used to trust (as a party could through the engine, or anyone with access to it), next to the
 * honest path it imitates, and the payment provider's ledger shows exactly what the record says,
 * never more than the order cost less what it was refunded before. The tasks still go to the
 * real buyer and seller.
 */
@ProcessTest
class RecordedFactsTest {

  private static final String HUGE = "99999.00";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;
  @Autowired DisputeDriver driver;
  @Autowired TestOrders orders;
  @Autowired JdbcClient jdbc;

  String orderId;

  @BeforeEach
  void setUp() {
    init(engine);
    orderId = orders.eligible("buyer1", "seller1", "49.90");
  }

  private ProcessInstance openDispute(Map<String, Object> claim) {
    ProcessInstance pi = driver.start(claim);
    assertThat(pi).isWaitingAt("RespondToDispute");
    return pi;
  }

  private ProcessInstance openDispute() {
    return openDispute(claim(orderId, "buyer1"));
  }

  /** Completes the task and stops there: its asynchronous steps wait for the test. */
  private void completeOnly(ProcessInstance pi, String taskKey, Map<String, Object> vars) {
    taskService.complete(driver.task(pi.getId(), taskKey).getId(), vars);
  }

  /** Sets the variables on the dispute and on the instance it called, if any. */
  private void forge(ProcessInstance pi, Map<String, Object> vars) {
    runtimeService.setVariables(pi.getId(), vars);
    ProcessInstance called = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(pi.getId()).singleResult();
    if (called != null) {
      runtimeService.setVariables(called.getId(), vars);
    }
  }

  private static Map<String, Object> money(String resolution, String amount) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("resolution", resolution);
    vars.put("refundAmount", amount);
    vars.put("orderAmount", HUGE);
    return vars;
  }

  private List<BigDecimal> ledger() {
    return jdbc.sql("select amount from payment_ledger where order_id = ? order by created_at")
        .param(orderId).query(BigDecimal.class).list();
  }

  private String disputeId(ProcessInstance pi) {
    return (String) driver.variables(pi.getId()).get("disputeId");
  }

  private void assertClosed(ProcessInstance pi, String closureReason, String resolution,
      String refundAmount) {
    assertThat(pi).isEnded();
    Assertions.assertThat(driver.variables(pi.getId())).containsEntry("closureReason", closureReason)
        .containsEntry("resolution", resolution).containsEntry("refundAmount", refundAmount);
    Assertions.assertThat(jdbc.sql("""
        select closure_reason, resolution, refund_amount from dispute where dispute_id = ?""")
        .param(disputeId(pi)).query().singleRow())
        .containsEntry("CLOSURE_REASON", closureReason).containsEntry("RESOLUTION", resolution)
        .containsEntry("REFUND_AMOUNT", new BigDecimal(refundAmount));
  }

  private long grantsOn(Task task, String userId) {
    return authorizationService.createAuthorizationQuery().userIdIn(userId)
        .resourceType(Resources.TASK).resourceId(task.getId()).count();
  }

  // --- the refund is the recorded outcome -------------------------------------------------

  @Test
  void honestAgreementPaysTheOrderAmount() {
    ProcessInstance pi = openDispute();
    driver.complete(pi.getId(), "RespondToDispute", Map.of("sellerResponse", "ACCEPT"));
    assertClosed(pi, "AGREEMENT", "FULL_REFUND", "49.90");
    Assertions.assertThat(ledger()).containsExactly(new BigDecimal("49.90"));
  }

  @Test
  void amountsChangedBeforeThePaymentPayWhatTheRecordSays() {
    ProcessInstance pi = openDispute();
    completeOnly(pi, "RespondToDispute", Map.of("sellerResponse", "ACCEPT"));
    forge(pi, money("FULL_REFUND", HUGE));

    driver.runAsync(pi.getId());

    assertClosed(pi, "AGREEMENT", "FULL_REFUND", "49.90");
    Assertions.assertThat(ledger()).containsExactly(new BigDecimal("49.90"));
  }

  @Test
  void honestCounterOfferAcceptedPaysTheOffer() {
    ProcessInstance pi = openDispute();
    driver.complete(pi.getId(), "RespondToDispute", Map.of("sellerResponse", "COUNTER_OFFER",
        "offerResolution", "PARTIAL_REFUND", "offerAmount", "17.50"));
    driver.complete(pi.getId(), "ReviewSellerResponse", Map.of("buyerDecision", "ACCEPT_OFFER"));
    assertClosed(pi, "AGREEMENT", "PARTIAL_REFUND", "17.50");
    Assertions.assertThat(ledger()).containsExactly(new BigDecimal("17.50"));
  }

  @Test
  void anOfferAcceptedWithAnotherAmountPaysTheOfferAsTheSellerMadeIt() {
    ProcessInstance pi = openDispute();
    driver.complete(pi.getId(), "RespondToDispute", Map.of("sellerResponse", "COUNTER_OFFER",
        "offerResolution", "PARTIAL_REFUND", "offerAmount", "17.50"));
    driver.complete(pi.getId(), "ReviewSellerResponse", Map.of("buyerDecision", "ACCEPT_OFFER",
        "offerAmount", HUGE, "offerResolution", "FULL_REFUND", "orderAmount", HUGE));

    assertClosed(pi, "AGREEMENT", "PARTIAL_REFUND", "17.50");
    Assertions.assertThat(driver.variables(pi.getId())).containsEntry("offerAmount", "17.50")
        .containsEntry("offerResolution", "PARTIAL_REFUND").containsEntry("orderAmount", "49.90");
    Assertions.assertThat(ledger()).containsExactly(new BigDecimal("17.50"));
  }

  @Test
  void anOfferNeverMadeCannotBeAcceptedByClaimingOne() {
    ProcessInstance pi = openDispute();
    driver.complete(pi.getId(), "RespondToDispute",
        Map.of("sellerResponse", "REJECT", "sellerComment", "Tracking shows it was delivered."));
    runtimeService.setVariables(pi.getId(), Map.of("sellerResponse", "COUNTER_OFFER",
        "offerResolution", "FULL_REFUND", "offerAmount", HUGE));

    assertThatThrownBy(() -> driver.complete(pi.getId(), "ReviewSellerResponse",
        Map.of("buyerDecision", "ACCEPT_OFFER"))).hasMessageContaining("buyerDecision");
    assertThat(pi).isWaitingAt("ReviewSellerResponse");

    // Nor does the deadline turn the forged offer into an accepted one.
    driver.fireTimer(pi.getId(), "BuyerResponseDeadline");
    assertClosed(pi, "BUYER_NO_RESPONSE", "NONE", "0.00");
    Assertions.assertThat(ledger()).isEmpty();
  }

  @Test
  void theBuyersSilenceAcceptsTheRecordedOfferNotAChangedOne() {
    ProcessInstance pi = openDispute();
    driver.complete(pi.getId(), "RespondToDispute", Map.of("sellerResponse", "COUNTER_OFFER",
        "offerResolution", "PARTIAL_REFUND", "offerAmount", "17.50"));
    runtimeService.setVariables(pi.getId(), Map.of("offerResolution", "FULL_REFUND",
        "offerAmount", HUGE, "orderAmount", HUGE));

    driver.fireTimer(pi.getId(), "BuyerResponseDeadline");

    assertClosed(pi, "BUYER_NO_RESPONSE", "PARTIAL_REFUND", "17.50");
    Assertions.assertThat(ledger()).containsExactly(new BigDecimal("17.50"));
  }

  @Test
  void honestPartialDecisionPaysTheDecidedAmount() {
    ProcessInstance pi = openDispute();
    driver.fireTimer(pi.getId(), "SellerResponseDeadline");
    driver.complete(pi.getId(), "DecideDispute", Map.of("platformDecision", "PARTIAL_REFUND",
        "decisionRules", "MINOR_DEFECT_PARTIAL",
        "decisionAmount", "20.00", "decisionRationale", "Late, but it arrived."));
    assertClosed(pi, "PLATFORM_DECISION", "PARTIAL_REFUND", "20.00");
    Assertions.assertThat(ledger()).containsExactly(new BigDecimal("20.00"));
  }

  @Test
  void aDecisionAboveTheRecordedOrderAmountIsRefusedWhateverOrderAmountSays() {
    ProcessInstance pi = openDispute();
    driver.fireTimer(pi.getId(), "SellerResponseDeadline");
    runtimeService.setVariable(pi.getId(), "orderAmount", "100000.00");

    assertThatThrownBy(() -> driver.complete(pi.getId(), "DecideDispute", Map.of(
        "platformDecision", "PARTIAL_REFUND", "decisionAmount", HUGE,
        "decisionRationale", "Generous."))).hasMessageContaining("decisionAmount")
        .hasMessageContaining("49.90");
    assertThat(pi).isWaitingAt("DecideDispute");

    driver.complete(pi.getId(), "DecideDispute", Map.of("platformDecision", "FULL_REFUND",
        "decisionRules", "INR_NO_DELIVERY_PROOF",
        "decisionRationale", "Never delivered.", "refundAmount", HUGE));
    assertClosed(pi, "PLATFORM_DECISION", "FULL_REFUND", "49.90");
    Assertions.assertThat(ledger()).containsExactly(new BigDecimal("49.90"));
  }

  @Test
  void aResolutionChangedAfterTheDecisionCannotSkipTheRefund() {
    ProcessInstance pi = openDispute();
    driver.fireTimer(pi.getId(), "SellerResponseDeadline");
    completeOnly(pi, "DecideDispute", Map.of("platformDecision", "FULL_REFUND",
        "decisionRules", "INR_NO_DELIVERY_PROOF",
        "decisionRationale", "Never delivered."));
    runtimeService.setVariables(pi.getId(), Map.of("resolution", "NONE", "refundAmount", "0.00"));

    driver.runAsync(pi.getId());

    assertThat(pi).hasPassed("CarryOutResolution");
    assertClosed(pi, "PLATFORM_DECISION", "FULL_REFUND", "49.90");
    Assertions.assertThat(ledger()).containsExactly(new BigDecimal("49.90"));
  }

  @Test
  void aResolutionForgedBeforeARejectionCannotAddARefund() {
    ProcessInstance pi = openDispute();
    driver.fireTimer(pi.getId(), "SellerResponseDeadline");
    // A rejection closes the dispute in the decision's own transaction: the only moment left to
    // forge the resolution is before it.
    forge(pi, money("FULL_REFUND", HUGE));

    driver.complete(pi.getId(), "DecideDispute", Map.of("platformDecision", "REJECT_CLAIM",
        "decisionRules", "CLAIM_UNSUPPORTED",
        "decisionRationale", "Delivered with a signature."));

    assertThat(pi).hasNotPassed("CarryOutResolution");
    assertClosed(pi, "PLATFORM_DECISION", "NONE", "0.00");
    Assertions.assertThat(ledger()).isEmpty();
  }

  // --- the cap: never above the order's cost less earlier refunds ----------------------------

  @Test
  void aWrongRecordStillPaysNoMoreThanTheOrderCost() {
    ProcessInstance pi = openDispute();
    completeOnly(pi, "RespondToDispute", Map.of("sellerResponse", "ACCEPT"));
    jdbc.sql("update dispute set outcome_refund = ? where dispute_id = ?")
        .param(new BigDecimal(HUGE)).param(disputeId(pi)).update();

    driver.runAsync(pi.getId());

    Assertions.assertThat(ledger()).containsExactly(new BigDecimal("49.90"));
  }

  @Test
  void aSecondDisputeOfTheOrderIsRefundedOnlyWhatTheFirstLeft() {
    Map<String, Object> partial = claim(orderId, "buyer1");
    partial.put("requestedResolution", "PARTIAL_REFUND");
    partial.put("requestedAmount", "20.00");
    ProcessInstance first = openDispute(partial);
    driver.complete(first.getId(), "RespondToDispute", Map.of("sellerResponse", "ACCEPT"));
    assertClosed(first, "AGREEMENT", "PARTIAL_REFUND", "20.00");

    ProcessInstance second = openDispute();
    driver.complete(second.getId(), "RespondToDispute", Map.of("sellerResponse", "ACCEPT"));

    assertClosed(second, "AGREEMENT", "FULL_REFUND", "49.90");
    Assertions.assertThat(ledger())
        .containsExactly(new BigDecimal("20.00"), new BigDecimal("29.90"));
  }

  @Test
  void aDisputeStartedAtItsRefundStepIsRefusedAndPaysNothing() {
    Map<String, Object> vars = claim(orderId, "buyer1");
    vars.putAll(money("FULL_REFUND", HUGE));
    vars.put("disputeId", "D-FORGED22");
    vars.put("sellerId", "seller1");
    vars.put("currency", "USD");
    assertThatThrownBy(() -> runtimeService.createProcessInstanceByKey("disputeMediation")
        .setVariables(vars).startBeforeActivity("CarryOutResolution").execute())
        .hasMessageContaining("No dispute");

    // Nor under the business key of a real dispute whose return is still to be shipped.
    ProcessInstance real = openDispute();
    driver.fireTimer(real.getId(), "SellerResponseDeadline");
    driver.complete(real.getId(), "DecideDispute", Map.of("platformDecision",
        "RETURN_AND_REFUND",
            "decisionRules", "SNAD_RETURN_REFUND",
            "decisionRationale", "Send it back for a refund."));
    assertThat(real).isWaitingAt("CarryOutResolution");
    assertThatThrownBy(() -> runtimeService.createProcessInstanceByKey("disputeMediation")
        .businessKey(disputeId(real)).setVariables(vars)
        .startBeforeActivity("CarryOutResolution").execute())
        .hasMessageContaining("is not the process of " + disputeId(real));

    Assertions.assertThat(ledger()).isEmpty();
    Assertions.assertThat(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("disputeMediation").variableValueEquals("refundAmount", HUGE)
        .count()).isZero();
  }

  // --- the tasks go to the recorded parties ------------------------------------------------

  @Test
  void aSellerWhoNamesHimselfTheBuyerDoesNotGetTheBuyersTask() {
    ProcessInstance pi = openDispute();
    driver.complete(pi.getId(), "RespondToDispute", Map.of("sellerResponse", "COUNTER_OFFER",
        "offerResolution", "PARTIAL_REFUND", "offerAmount", "17.50", "buyerId", "seller1"));

    Task review = driver.task(pi.getId(), "ReviewSellerResponse");
    Assertions.assertThat(review.getAssignee()).isEqualTo("buyer1");
    Assertions.assertThat(grantsOn(review, "seller1")).isZero();
    Assertions.assertThat(runtimeService.getVariable(pi.getId(), "buyerId")).isEqualTo("buyer1");

    // The same with the parties swapped in the variables before the buyer's task is prepared
    // (in the seller's answer's own transaction).
    driver.complete(pi.getId(), "ReviewSellerResponse", Map.of("buyerDecision", "REVISE_CLAIM",
        "description", "Photos attached: the box arrived empty and crushed at one corner."));
    runtimeService.setVariables(pi.getId(), Map.of("buyerId", "seller1", "sellerId", "buyer1"));
    driver.complete(pi.getId(), "RespondToDispute", Map.of("sellerResponse", "REJECT",
        "sellerComment", "Not our fault."));

    review = driver.task(pi.getId(), "ReviewSellerResponse");
    Assertions.assertThat(review.getAssignee()).isEqualTo("buyer1");
    Assertions.assertThat(grantsOn(review, "seller1")).isZero();
    Assertions.assertThat(runtimeService.getVariables(pi.getId()))
        .containsEntry("buyerId", "buyer1").containsEntry("sellerId", "seller1");
  }

  @Test
  void theEvidenceTaskGoesToThePartyTheMediatorAsked() {
    ProcessInstance pi = openDispute();
    driver.fireTimer(pi.getId(), "SellerResponseDeadline");
    completeOnly(pi, "DecideDispute", Map.of("platformDecision", "REQUEST_EVIDENCE",
        "evidenceRequestedFrom", "SELLER", "evidenceRequest", "Proof of delivery, please.",
        "decisionRationale", "Need the carrier's proof before deciding."));
    runtimeService.setVariables(pi.getId(), Map.of("evidenceParty", "buyer2",
        "evidenceRequestedFrom", "BUYER", "sellerId", "buyer2"));

    driver.runAsync(pi.getId());

    Task evidence = driver.task(pi.getId(), "ProvideEvidence");
    Assertions.assertThat(evidence.getAssignee()).isEqualTo("seller1");
    Assertions.assertThat(grantsOn(evidence, "buyer2")).isZero();
  }

  // --- returnAndRefund -----------------------------------------------------------------------

  /** A dispute the mediator decided for a return; waits at ShipReturn. */
  private ProcessInstance returnDecided() {
    ProcessInstance pi = openDispute();
    driver.fireTimer(pi.getId(), "SellerResponseDeadline");
    driver.complete(pi.getId(), "DecideDispute", Map.of("platformDecision", "RETURN_AND_REFUND",
        "decisionRules", "SNAD_RETURN_REFUND",
        "decisionRationale", "Send it back for a refund."));
    return pi;
  }

  @Test
  void honestReturnIsRefundedOnceConfirmed() {
    ProcessInstance pi = returnDecided();
    driver.complete(pi.getId(), "ShipReturn", Map.of("returnTrackingNumber", "RT123456789"));
    driver.complete(pi.getId(), "ConfirmReturnReceived", Map.of());
    assertClosed(pi, "PLATFORM_DECISION", "RETURN_AND_REFUND", "49.90");
    Assertions.assertThat(ledger()).containsExactly(new BigDecimal("49.90"));
  }

  @Test
  void aResolutionChangedAfterTheDecisionCannotSkipTheReturn() {
    ProcessInstance pi = openDispute();
    driver.fireTimer(pi.getId(), "SellerResponseDeadline");
    completeOnly(pi, "DecideDispute", Map.of("platformDecision", "RETURN_AND_REFUND",
        "decisionRules", "SNAD_RETURN_REFUND",
        "decisionRationale", "Send it back for a refund."));
    runtimeService.setVariables(pi.getId(), Map.of("resolution", "FULL_REFUND"));

    driver.runAsync(pi.getId());

    Assertions.assertThat(driver.task(pi.getId(), "ShipReturn").getAssignee()).isEqualTo("buyer1");
    Assertions.assertThat(ledger()).isEmpty();
  }

  @Test
  void theReturnGoesToTheRecordedSellerAndItsRefundCannotBeSkipped() {
    ProcessInstance pi = returnDecided();
    driver.complete(pi.getId(), "ShipReturn", Map.of("returnTrackingNumber", "RT123456789",
        "sellerId", "buyer1"));

    Task confirm = driver.task(pi.getId(), "ConfirmReturnReceived");
    Assertions.assertThat(confirm.getAssignee()).isEqualTo("seller1");
    Assertions.assertThat(grantsOn(confirm, "buyer1")).isZero();

    // A refundAmount of 0.00 would route past the refund: the record routes it.
    forge(pi, money("RETURN_AND_REFUND", "0.00"));
    driver.complete(pi.getId(), "ConfirmReturnReceived", Map.of());

    assertClosed(pi, "PLATFORM_DECISION", "RETURN_AND_REFUND", "49.90");
    Assertions.assertThat(ledger()).containsExactly(new BigDecimal("49.90"));
  }
}
