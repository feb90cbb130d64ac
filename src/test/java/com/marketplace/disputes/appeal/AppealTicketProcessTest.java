package com.marketplace.disputes.appeal;

import static com.marketplace.disputes.support.DisputeDriver.appeal;
import static com.marketplace.disputes.support.DisputeDriver.claim;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.marketplace.disputes.evidence.EvidenceService;
import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.ProcessTest;
import com.marketplace.disputes.support.TestOrders;
import com.marketplace.disputes.support.TestUsers;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of appealTicket: each refusal, the review with its four eyes and SLA, and both
 * decisions, with what an overturn pays checked against the payment provider's ledger.
 */
@ProcessTest
class AppealTicketProcessTest {

  private static final String MEDIATOR = "mediatorA";
  private static final String SENIOR = "seniorB";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired DisputeDriver driver;
  @Autowired TestOrders orders;
  @Autowired JdbcClient jdbc;
  @Autowired EvidenceService evidence;

  String orderId;

  @BeforeEach
  void setUp() {
    init(engine);
    orderId = orders.eligible("buyer1", "seller1", "49.90");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A dispute the seller left unanswered, decided by {@link #MEDIATOR}; returns its id. */
  private String decidedDispute(Map<String, Object> decision) {
    ProcessInstance pi = driver.start(claim(orderId, "buyer1"));
    driver.fireTimer(pi.getId(), "SellerResponseDeadline");
    driver.completeAs(pi.getId(), "DecideDispute", MEDIATOR, decision);
    assertThat(pi).isEnded();
    return (String) driver.variables(pi.getId()).get("disputeId");
  }

  private static Map<String, Object> rejected() {
    return Map.of("platformDecision", "REJECT_CLAIM", "decisionRules", "CLAIM_UNSUPPORTED",
        "decisionRationale", "Tracking shows the parcel was delivered.");
  }

  private ProcessInstance appealAs(String disputeId, String appellant) {
    return driver.start("appealTicket", appeal(disputeId, appellant));
  }

  private void assertRefused(ProcessInstance pi, String reason) {
    assertThat(pi).isEnded().hasPassed("EndEvent_AppealRefused").hasNotPassed("ReviewAppeal");
    Map<String, Object> vars = driver.variables(pi.getId());
    Assertions.assertThat(vars).containsEntry("appealRejectedReason", reason);
    Assertions.assertThat(jdbc.sql("select status, rejected_reason from appeal where appeal_id = ?")
        .param(vars.get("appealId")).query().singleRow())
        .containsEntry("STATUS", "REFUSED").containsEntry("REJECTED_REASON", reason);
  }

  private Map<String, Object> disputeRow(String disputeId) {
    return jdbc.sql("select * from dispute where dispute_id = ?").param(disputeId).query()
        .singleRow();
  }

  private List<String> timeline(String disputeId) {
    return jdbc.sql("select event_type from dispute_event where dispute_id = ? order by occurred_at, event_id")
        .param(disputeId).query(String.class).list();
  }

  private List<BigDecimal> ledger() {
    return jdbc.sql("select amount from payment_ledger where order_id = ? order by created_at")
        .param(orderId).query(BigDecimal.class).list();
  }

  /** The notices the appeal sent: "NOTICE recipient ROLE". */
  private List<String> notices(String appealId) {
    return jdbc.sql("""
        select notice, recipient_id, recipient_role from notice_outbox where business_key = ?
        order by created_at, notice, recipient_id""").param(appealId).query((rs, i) ->
        rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list();
  }

  private static Map<String, Object> overturn(String resolution, String amount) {
    return amount == null
        ? Map.of("appealDecision", "OVERTURN",
            "decisionRules", "APPEAL_NEW_EVIDENCE",
            "appealRationale", "The carrier confirms the loss.",
            "resolution", resolution)
        : Map.of("appealDecision", "OVERTURN",
            "decisionRules", "APPEAL_NEW_EVIDENCE",
            "appealRationale", "The carrier confirms the loss.",
            "resolution", resolution, "refundAmount", amount);
  }

  @Test
  void anUpheldAppealClosesAndTheDecisionStands() {
    String disputeId = decidedDispute(rejected());
    ProcessInstance pi = appealAs(disputeId, "buyer1");

    assertThat(pi).hasPassed("RegisterAppeal", "OpenAppeal", "NotifyAppealReceived")
        .isWaitingAt("ReviewAppeal");
    Map<String, Object> vars = driver.variables(pi.getId());
    String appealId = (String) vars.get("appealId");
    Assertions.assertThat(appealId).matches("A-[2-9A-Z]{8}");
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getBusinessKey()).isEqualTo(appealId);
    Assertions.assertThat(vars).containsEntry("appealRejectedReason", null)
        .containsEntry("appellantId", "buyer1").containsEntry("decidedBy", MEDIATOR)
        .containsEntry("disputeResolution", "NONE").containsEntry("platformDecision", "REJECT_CLAIM");
    Task review = driver.task(pi.getId(), "ReviewAppeal");
    Assertions.assertThat(taskService.getIdentityLinksForTask(review.getId()))
        .anyMatch(link -> "senior-mediators".equals(link.getGroupId()));
    Assertions.assertThat(review.getDueDate()).isNotNull();
    Assertions.assertThat(disputeRow(disputeId)).containsEntry("STATUS", "IN_APPEAL")
        .containsEntry("APPEAL_ID", appealId).containsEntry("AWAITING", "PLATFORM");

    assertThatThrownBy(() -> driver.completeAs(pi.getId(), "ReviewAppeal", SENIOR,
        Map.of("appealDecision", "UPHOLD"))).hasMessageContaining("appealRationale");
    driver.completeAs(pi.getId(), "ReviewAppeal", SENIOR, Map.of("appealDecision", "UPHOLD",
        "decisionRules", "APPEAL_NOTHING_NEW",
        "appealRationale", "The photos show the parcel at the door; the decision stands."));

    assertThat(pi).isEnded().hasPassed("RecordAppealDecision", "CloseAppeal",
        "NotifyAppealDecided", "EndEvent_AppealDecided").hasNotPassed("CarryOutNewResolution");
    Assertions.assertThat(driver.variables(pi.getId())).containsEntry("appealDecision", "UPHOLD")
        .containsEntry("resolution", "NONE").containsEntry("refundAmount", "0.00")
        .containsEntry("reviewedBy", SENIOR);
    Assertions.assertThat(disputeRow(disputeId)).containsEntry("STATUS", "CLOSED")
        .containsEntry("APPEAL_OUTCOME", "UPHELD").containsEntry("RESOLUTION", "NONE")
        .containsEntry("CLOSURE_REASON", "PLATFORM_DECISION");
    Assertions.assertThat(timeline(disputeId)).endsWith("APPEAL_FILED", "APPEAL_UPHELD");
    Assertions.assertThat(jdbc.sql("select status, decision, reviewer_id from appeal where appeal_id = ?")
        .param(appealId).query().singleRow()).containsEntry("STATUS", "CLOSED")
        .containsEntry("DECISION", "UPHOLD").containsEntry("REVIEWER_ID", SENIOR);
    Assertions.assertThat(ledger()).isEmpty();
    Assertions.assertThat(notices(appealId)).containsExactly(
        "APPEAL_RECEIVED buyer1 APPELLANT", "APPEAL_RECEIVED seller1 OTHER_PARTY",
        "APPEAL_DECIDED buyer1 APPELLANT", "APPEAL_DECIDED seller1 OTHER_PARTY");
  }

  @Test
  void anOverturnedRejectionRefundsTheOrderOnce() {
    String disputeId = decidedDispute(rejected());
    ProcessInstance pi = appealAs(disputeId, "buyer1");
    driver.completeAs(pi.getId(), "ReviewAppeal", SENIOR, overturn("FULL_REFUND", null));

    assertThat(pi).isEnded().hasPassed("CarryOutNewResolution", "EndEvent_AppealDecided");
    Assertions.assertThat(driver.variables(pi.getId())).containsEntry("appealDecision", "OVERTURN")
        .containsEntry("resolution", "FULL_REFUND").containsEntry("refundAmount", "49.90")
        .containsKey("refundId");
    Assertions.assertThat(ledger()).containsExactly(new BigDecimal("49.90"));
    Assertions.assertThat(disputeRow(disputeId)).containsEntry("STATUS", "CLOSED")
        .containsEntry("APPEAL_OUTCOME", "OVERTURNED").containsEntry("RESOLUTION", "FULL_REFUND")
        .containsEntry("REFUND_AMOUNT", new BigDecimal("49.90"));
    Assertions.assertThat(timeline(disputeId))
        .containsSubsequence("APPEAL_FILED", "APPEAL_OVERTURNED", "REFUND_ISSUED");
  }

  @Test
  void anOverturnFromPartialToFullRefundsOnlyTheDifference() {
    String disputeId = decidedDispute(Map.of("platformDecision", "PARTIAL_REFUND",
        "decisionRules", "MINOR_DEFECT_PARTIAL",
        "decisionAmount", "15.50", "decisionRationale", "Late, but it arrived."));
    Assertions.assertThat(ledger()).containsExactly(new BigDecimal("15.50"));

    ProcessInstance pi = appealAs(disputeId, "buyer1");
    Assertions.assertThat(driver.variables(pi.getId()))
        .containsEntry("disputeResolution", "PARTIAL_REFUND")
        .containsEntry("disputeRefundAmount", "15.50");
    driver.completeAs(pi.getId(), "ReviewAppeal", SENIOR, overturn("FULL_REFUND", null));

    assertThat(pi).isEnded().hasPassed("CarryOutNewResolution");
    Assertions.assertThat(ledger())
        .containsExactly(new BigDecimal("15.50"), new BigDecimal("34.40"));
    Assertions.assertThat(jdbc.sql("select sum(amount) from refund where dispute_id = ?")
        .param(disputeId).query(BigDecimal.class).single()).isEqualByComparingTo("49.90");
    Assertions.assertThat(disputeRow(disputeId)).containsEntry("RESOLUTION", "FULL_REFUND")
        .containsEntry("REFUND_AMOUNT", new BigDecimal("49.90"));
  }

  @Test
  void anOverturnToLessThanWasPaidChangesTheRecordAndPaysNothing() {
    String disputeId = decidedDispute(Map.of("platformDecision", "FULL_REFUND",
        "decisionRules", "INR_NO_DELIVERY_PROOF",
        "decisionRationale", "Never delivered."));
    ProcessInstance pi = appealAs(disputeId, "seller1");
    driver.completeAs(pi.getId(), "ReviewAppeal", SENIOR, overturn("NONE", null));

    assertThat(pi).isEnded().hasPassed("EndEvent_AppealDecided")
        .hasNotPassed("CarryOutNewResolution");
    Assertions.assertThat(driver.variables(pi.getId())).containsEntry("carryOutResolution", false)
        .containsEntry("resolution", "NONE");
    Assertions.assertThat(ledger()).containsExactly(new BigDecimal("49.90"));
    Assertions.assertThat(disputeRow(disputeId)).containsEntry("APPEAL_OUTCOME", "OVERTURNED")
        .containsEntry("RESOLUTION", "NONE");
  }

  @Test
  void anOverturnedReturnThatIsNeverShippedLeavesTheEarlierOutcome() {
    String disputeId = decidedDispute(Map.of("platformDecision", "PARTIAL_REFUND",
        "decisionRules", "MINOR_DEFECT_PARTIAL",
        "decisionAmount", "15.50", "decisionRationale", "Late, but it arrived."));
    ProcessInstance pi = appealAs(disputeId, "buyer1");
    driver.completeAs(pi.getId(), "ReviewAppeal", SENIOR, overturn("RETURN_AND_REFUND", null));
    Assertions.assertThat(driver.task(pi.getId(), "ShipReturn").getAssignee()).isEqualTo("buyer1");
    Assertions.assertThat(disputeRow(disputeId)).containsEntry("STATUS", "RETURN_PENDING");

    driver.fireTimer(pi.getId(), "ReturnShipmentDeadline");

    assertThat(pi).isEnded().hasPassed("CarryOutNewResolution", "EndEvent_AppealDecided");
    Assertions.assertThat(driver.variables(pi.getId())).containsEntry("resolution", "PARTIAL_REFUND")
        .containsEntry("refundAmount", "15.50");
    Assertions.assertThat(ledger()).containsExactly(new BigDecimal("15.50"));
    Assertions.assertThat(disputeRow(disputeId)).containsEntry("STATUS", "CLOSED")
        .containsEntry("RESOLUTION", "PARTIAL_REFUND");
  }

  @Test
  void anOverturnAboveTheRecordedOrderAmountIsRefusedAndAFullOneRefundsTheOrder() {
    String disputeId = decidedDispute(rejected());
    ProcessInstance pi = appealAs(disputeId, "buyer1");
    runtimeService.setVariables(pi.getId(), Map.of("orderAmount", "100000.00",
        "disputeRefundAmount", "99999.00", "refundAmount", "99999.00"));

    assertThatThrownBy(() -> driver.completeAs(pi.getId(), "ReviewAppeal", SENIOR,
        overturn("PARTIAL_REFUND", "99999.00"))).hasMessageContaining("refundAmount")
        .hasMessageContaining("49.90");
    assertThat(pi).isWaitingAt("ReviewAppeal");

    driver.completeAs(pi.getId(), "ReviewAppeal", SENIOR, overturn("FULL_REFUND", "99999.00"));

    assertThat(pi).isEnded().hasPassed("CarryOutNewResolution");
    Assertions.assertThat(driver.variables(pi.getId())).containsEntry("resolution", "FULL_REFUND")
        .containsEntry("refundAmount", "49.90").containsEntry("orderAmount", "49.90");
    Assertions.assertThat(ledger()).containsExactly(new BigDecimal("49.90"));
    Assertions.assertThat(jdbc.sql("select resolution, refund_amount from appeal where dispute_id = ?")
        .param(disputeId).query().singleRow()).containsEntry("RESOLUTION", "FULL_REFUND")
        .containsEntry("REFUND_AMOUNT", new BigDecimal("49.90"));
  }

  @Test
  void anOverturnIsCarriedOutOnTheAppealedDisputeWhateverDisputeIdSays() {
    String otherOrder = orders.eligible("buyer1", "seller1", "120.00");
    ProcessInstance other = driver.start(claim(otherOrder, "buyer1"));
    driver.fireTimer(other.getId(), "SellerResponseDeadline");
    driver.completeAs(other.getId(), "DecideDispute", MEDIATOR, rejected());
    String otherDispute = (String) driver.variables(other.getId()).get("disputeId");

    String disputeId = decidedDispute(rejected());
    ProcessInstance pi = appealAs(disputeId, "buyer1");
    runtimeService.setVariables(pi.getId(), Map.of("disputeId", otherDispute,
        "orderId", otherOrder, "buyerId", "buyer2"));
    driver.completeAs(pi.getId(), "ReviewAppeal", SENIOR, overturn("FULL_REFUND", null));

    assertThat(pi).isEnded().hasPassed("CarryOutNewResolution");
    Assertions.assertThat(ledger()).containsExactly(new BigDecimal("49.90"));
    Assertions.assertThat(jdbc.sql("select count(*) from payment_ledger where order_id = ?")
        .param(otherOrder).query(Long.class).single()).isZero();
    Assertions.assertThat(disputeRow(disputeId)).containsEntry("APPEAL_OUTCOME", "OVERTURNED");
    Assertions.assertThat(disputeRow(otherDispute)).containsEntry("APPEAL_OUTCOME", null)
        .containsEntry("RESOLUTION", "NONE");
    Assertions.assertThat(notices((String) driver.variables(pi.getId()).get("appealId")))
        .contains("APPEAL_DECIDED buyer1 APPELLANT", "APPEAL_DECIDED seller1 OTHER_PARTY")
        .noneMatch(notice -> notice.contains("buyer2"));
  }

  @Test
  void theDecidingMediatorIsTheOneTheDisputeRecordsWhateverDecidedBySays() {
    String disputeId = decidedDispute(rejected());
    ProcessInstance pi = appealAs(disputeId, "buyer1");
    runtimeService.setVariable(pi.getId(), "decidedBy", "someoneElse");
    Task review = driver.task(pi.getId(), "ReviewAppeal");

    assertThatThrownBy(() -> taskService.claim(review.getId(), MEDIATOR))
        .hasMessageContaining("decided this dispute");
    driver.completeAs(pi.getId(), "ReviewAppeal", SENIOR, Map.of("appealDecision", "UPHOLD",
        "decisionRules", "APPEAL_NOTHING_NEW",
        "appealRationale", "The photos show the parcel at the door; the decision stands."));
    assertThat(pi).isEnded();
  }

  @Test
  void anOverturnMustChangeTheOutcome() {
    String disputeId = decidedDispute(rejected());
    ProcessInstance pi = appealAs(disputeId, "buyer1");
    assertThatThrownBy(() -> driver.completeAs(pi.getId(), "ReviewAppeal", SENIOR,
        overturn("NONE", null))).hasMessageContaining("UPHOLD");
    assertThatThrownBy(() -> driver.completeAs(pi.getId(), "ReviewAppeal", SENIOR,
        overturn("PARTIAL_REFUND", "60.00"))).hasMessageContaining("refundAmount");
    assertThat(pi).isWaitingAt("ReviewAppeal");
  }

  @Test
  void theReviewSlaFlagsTheAppealOverdue() {
    new TestUsers(identityService).user(SENIOR, "senior-mediators");
    String disputeId = decidedDispute(rejected());
    ProcessInstance pi = appealAs(disputeId, "buyer1");
    driver.fireTimer(pi.getId(), "AppealReviewSla");

    assertThat(pi).hasPassed("FlagAppealOverdue", "NotifyAppealSlaBreached",
        "EndEvent_AppealFlagged").isWaitingAt("ReviewAppeal");
    Assertions.assertThat(driver.variables(pi.getId())).containsEntry("appealOverdue", true);
    Assertions.assertThat(jdbc.sql("select overdue from appeal where dispute_id = ?")
        .param(disputeId).query(Boolean.class).single()).isTrue();
    Assertions.assertThat(disputeRow(disputeId)).containsEntry("OVERDUE", true);
    Assertions.assertThat(notices((String) driver.variables(pi.getId()).get("appealId")))
        .contains("APPEAL_SLA_BREACHED " + SENIOR + " SENIOR_MEDIATORS");
  }

  @Test
  void theDecidingMediatorCanNeitherTakeNorCompleteTheReview() {
    String disputeId = decidedDispute(rejected());
    ProcessInstance pi = appealAs(disputeId, "buyer1");
    Task review = driver.task(pi.getId(), "ReviewAppeal");

    Authorization revoke = authorizationService.createAuthorizationQuery().userIdIn(MEDIATOR)
        .resourceType(Resources.TASK).resourceId(review.getId()).singleResult();
    Assertions.assertThat(revoke.getAuthorizationType()).isEqualTo(Authorization.AUTH_TYPE_REVOKE);
    Assertions.assertThat(revoke.isPermissionRevoked(TaskPermissions.TASK_WORK)).isTrue();
    Assertions.assertThat(revoke.isPermissionRevoked(TaskPermissions.READ)).isTrue();

    assertThatThrownBy(() -> taskService.setAssignee(review.getId(), MEDIATOR))
        .hasMessageContaining("decided this dispute");
    assertThatThrownBy(() -> taskService.claim(review.getId(), MEDIATOR))
        .hasMessageContaining("decided this dispute");

    // Even where the engine checks no authorizations, completing as that mediator is refused.
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    configuration.setAuthorizationEnabled(false);
    identityService.setAuthenticatedUserId(MEDIATOR);
    try {
      assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of("appealDecision",
          "UPHOLD",
              "decisionRules", "APPEAL_NOTHING_NEW",
              "appealRationale", "My own decision was right.")))
          .hasMessageContaining("decided this dispute");
    } finally {
      identityService.clearAuthentication();
      configuration.setAuthorizationEnabled(true);
    }
    Assertions.assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult()
        .getAssignee()).isNull();
    assertThat(pi).isWaitingAt("ReviewAppeal");
  }

  @Test
  void theAppellantsFilesJoinTheCaseFileOnlyWhenTheAppealIsAccepted() throws Exception {
    String disputeId = decidedDispute(rejected());
    long letter = upload("seller1", "carrier-letter.jpg");
    Map<String, Object> appeal = new HashMap<>(appeal(disputeId, "seller1"));
    appeal.put("evidenceIds", String.valueOf(letter));

    ProcessInstance pi = driver.start("appealTicket", appeal);

    assertThat(pi).isWaitingAt("ReviewAppeal");
    Assertions.assertThat(evidenceRow(letter)).containsEntry("DISPUTE_ID", disputeId)
        .containsEntry("UPLOADER_ROLE", "SELLER");
    Assertions.assertThat(timeline(disputeId)).endsWith("APPEAL_FILED", "EVIDENCE_ADDED");
    Assertions.assertThat(driver.variables(pi.getId())).doesNotContainKey("evidenceIds");

    // A second appeal of the same dispute is refused: its file stays the appellant's, unattached.
    long again = upload("buyer1", "second-try.jpg");
    Map<String, Object> refused = new HashMap<>(appeal(disputeId, "buyer1"));
    refused.put("evidenceIds", String.valueOf(again));
    assertRefused(driver.start("appealTicket", refused), "ALREADY_APPEALED");
    Assertions.assertThat(evidenceRow(again)).containsEntry("DISPUTE_ID", null);
  }

  /** Stages a small JPEG as {@code user} would from a form; returns its id. */
  private long upload(String user, String name) throws Exception {
    byte[] jpeg = new byte[64];
    java.util.Arrays.fill(jpeg, (byte) 0x42);
    jpeg[0] = (byte) 0xFF;
    jpeg[1] = (byte) 0xD8;
    jpeg[2] = (byte) 0xFF;
    return evidence.upload(new org.camunda.bpm.engine.impl.identity.Authentication(user,
        List.of(user.startsWith("buyer") ? "buyers" : "sellers")), name,
        new java.io.ByteArrayInputStream(jpeg), null).evidenceId();
  }

  private Map<String, Object> evidenceRow(long evidenceId) {
    return jdbc.sql("select dispute_id, uploader_role from evidence where evidence_id = ?")
        .param(evidenceId).query().singleRow();
  }

  @Test
  void aStrangerIsRefusedAsNotAParty() {
    String disputeId = decidedDispute(rejected());
    assertRefused(appealAs(disputeId, "buyer2"), "NOT_A_PARTY");
    assertRefused(appealAs("D-22222222", "buyer1"), "NOT_A_PARTY");
    Assertions.assertThat(disputeRow(disputeId)).containsEntry("APPEAL_ID", null);
  }

  @Test
  void anOpenDisputeCannotBeAppealedYet() {
    ProcessInstance dispute = driver.start(claim(orderId, "buyer1"));
    String disputeId = (String) driver.variables(dispute.getId()).get("disputeId");
    assertRefused(appealAs(disputeId, "seller1"), "DISPUTE_NOT_CLOSED");
  }

  @Test
  void cancelledAndIneligibleDisputesAreNotAppealable() {
    ProcessInstance cancelled = driver.start(claim(orderId, "buyer1"));
    String cancelledId = (String) driver.variables(cancelled.getId()).get("disputeId");
    driver.correlate(cancelledId, "DisputeCancelled", Map.of());
    assertRefused(appealAs(cancelledId, "buyer1"), "NOT_APPEALABLE");

    String digital = orders.order("buyer1", "seller1", "9.99", "DIGITAL", Duration.ofDays(20),
        Duration.ofDays(40));
    ProcessInstance ineligible = driver.start(claim(digital, "buyer1"));
    assertRefused(appealAs((String) driver.variables(ineligible.getId()).get("disputeId"), "buyer1"),
        "NOT_APPEALABLE");
  }

  @Test
  void aDisputeIsAppealedOnlyOnce() {
    String disputeId = decidedDispute(rejected());
    ProcessInstance first = appealAs(disputeId, "buyer1");
    assertRefused(appealAs(disputeId, "seller1"), "ALREADY_APPEALED");

    driver.completeAs(first.getId(), "ReviewAppeal", SENIOR, Map.of("appealDecision", "UPHOLD",
        "decisionRules", "APPEAL_NOTHING_NEW",
        "appealRationale", "The decision stands on the evidence."));
    assertRefused(appealAs(disputeId, "buyer1"), "ALREADY_APPEALED");
  }

  @Test
  void theAppealWindowClosesThirtyDaysAfterClosure() {
    String disputeId = decidedDispute(rejected());
    ClockUtil.offset(Duration.ofDays(30).plusMinutes(1).toMillis());
    assertRefused(appealAs(disputeId, "buyer1"), "APPEAL_WINDOW_EXPIRED");

    ClockUtil.offset(Duration.ofDays(29).toMillis());
    assertThat(appealAs(disputeId, "buyer1")).isWaitingAt("ReviewAppeal");
  }

  @Test
  void aStatementOutsideTheRulesIsRefusedAndLeavesNothingBehind() {
    String disputeId = decidedDispute(rejected());
    long before = runtimeService.createProcessInstanceQuery().count();
    Map<String, Object> vars = appeal(disputeId, "buyer1");
    vars.put("appealStatement", "I disagree.");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("appealTicket", vars))
        .hasMessageContaining("appealStatement");
    Map<String, Object> badId = appeal("12345", "buyer1");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("appealTicket", badId))
        .hasMessageContaining("disputeId");
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    Assertions.assertThat(jdbc.sql("select count(*) from appeal where dispute_id = ?")
        .param(disputeId).query(Long.class).single()).isZero();
  }
}
