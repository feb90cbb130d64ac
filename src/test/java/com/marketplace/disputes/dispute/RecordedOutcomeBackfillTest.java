package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.support.DisputeDriver.appeal;
import static com.marketplace.disputes.support.DisputeDriver.claim;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.ProcessTest;
import com.marketplace.disputes.support.TestOrders;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The upgrade to V11 on disputes that are under way: its backfill, run over disputes the
 * processes left at different steps with the new columns emptied, sets them as the steps would
 * have, so that a refund paid after the upgrade is the one decided before it.
 */
@ProcessTest
class RecordedOutcomeBackfillTest {

  private static final String MIGRATION = "db/migration/V11__recorded_outcome.sql";

  @Autowired DisputeDriver driver;
  @Autowired TestOrders orders;
  @Autowired JdbcClient jdbc;

  private String disputeId(ProcessInstance pi) {
    return (String) driver.variables(pi.getId()).get("disputeId");
  }

  private ProcessInstance escalated(String orderId) {
    ProcessInstance pi = driver.start(claim(orderId, "buyer1"));
    driver.fireTimer(pi.getId(), "SellerResponseDeadline");
    return pi;
  }

  @Test
  void theBackfillRecordsWhatTheStepsRecorded() throws IOException {
    List<String> disputes = new ArrayList<>();

    ProcessInstance agreed = driver.start(claim(orders.eligible("buyer1", "seller1", "30.00"),
        "buyer1"));
    driver.complete(agreed.getId(), "RespondToDispute", Map.of("sellerResponse", "ACCEPT"));
    disputes.add(disputeId(agreed));

    ProcessInstance offered = driver.start(claim(orders.eligible("buyer1", "seller1", "30.00"),
        "buyer1"));
    driver.complete(offered.getId(), "RespondToDispute", Map.of("sellerResponse",
        "COUNTER_OFFER", "offerResolution", "PARTIAL_REFUND", "offerAmount", "12.00"));
    disputes.add(disputeId(offered));

    String returnOrder = orders.eligible("buyer1", "seller1", "40.00");
    ProcessInstance toReturn = escalated(returnOrder);
    driver.complete(toReturn.getId(), "DecideDispute", Map.of("platformDecision",
        "RETURN_AND_REFUND",
            "decisionRules", "SNAD_RETURN_REFUND",
            "decisionRationale", "Send it back for a refund."));
    disputes.add(disputeId(toReturn));

    ProcessInstance evidence = escalated(orders.eligible("buyer1", "seller1", "30.00"));
    driver.complete(evidence.getId(), "DecideDispute", Map.of("platformDecision",
        "REQUEST_EVIDENCE", "evidenceRequestedFrom", "SELLER", "evidenceRequest", "Proof, please.",
        "decisionRationale", "Need the carrier's proof."));
    disputes.add(disputeId(evidence));

    String appealOrder = orders.eligible("buyer1", "seller1", "50.00");
    ProcessInstance appealed = escalated(appealOrder);
    driver.complete(appealed.getId(), "DecideDispute", Map.of("platformDecision",
        "PARTIAL_REFUND",
            "decisionRules", "MINOR_DEFECT_PARTIAL",
            "decisionAmount", "10.00", "decisionRationale", "Late."));
    ProcessInstance ticket = driver.start("appealTicket", appeal(disputeId(appealed), "buyer1"));
    driver.complete(ticket.getId(), "ReviewAppeal", Map.of("appealDecision", "OVERTURN",
        "decisionRules", "APPEAL_NEW_EVIDENCE",
        "appealRationale", "The carrier confirms the damage.", "resolution", "RETURN_AND_REFUND"));
    disputes.add(disputeId(appealed));

    ProcessInstance cancelled = driver.start(claim(orders.eligible("buyer1", "seller1", "30.00"),
        "buyer1"));
    driver.correlate(disputeId(cancelled), "DisputeCancelled", Map.of());
    disputes.add(disputeId(cancelled));

    List<Map<String, Object>> written = columns(disputes);
    assertThat(written).extracting(row -> row.get("OUTCOME_RESOLUTION")).containsExactly(
        "FULL_REFUND", null, "RETURN_AND_REFUND", null, "RETURN_AND_REFUND", "NONE");
    assertThat(written.get(3)).containsEntry("EVIDENCE_REQUESTED_FROM", "SELLER");

    jdbc.sql("update dispute set outcome_resolution = null, outcome_refund = null,"
        + " evidence_requested_from = null").update();
    backfill();

    assertThat(columns(disputes)).isEqualTo(written);

    // What was decided before the upgrade is paid after it.
    driver.complete(toReturn.getId(), "ShipReturn", Map.of("returnTrackingNumber", "RT123456789"));
    driver.complete(toReturn.getId(), "ConfirmReturnReceived", Map.of());
    assertThat(jdbc.sql("select amount from payment_ledger where order_id = ?").param(returnOrder)
        .query(BigDecimal.class).list()).containsExactly(new BigDecimal("40.00"));
    driver.complete(ticket.getId(), "ShipReturn", Map.of("returnTrackingNumber", "RT987654321"));
    driver.complete(ticket.getId(), "ConfirmReturnReceived", Map.of());
    assertThat(jdbc.sql("select amount from payment_ledger where order_id = ? order by created_at")
        .param(appealOrder).query(BigDecimal.class).list())
        .containsExactly(new BigDecimal("10.00"), new BigDecimal("40.00"));
  }

  private List<Map<String, Object>> columns(List<String> disputes) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String id : disputes) {
      rows.add(jdbc.sql("""
          select outcome_resolution, outcome_refund, evidence_requested_from from dispute
          where dispute_id = ?""").param(id).query().singleRow());
    }
    return rows;
  }

  /** The migration's updates, as Flyway runs them on an existing database. */
  private void backfill() throws IOException {
    String script = new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8);
    Arrays.stream(script.split(";"))
        .map(statement -> statement.lines().filter(line -> !line.trim().startsWith("--"))
            .reduce("", (a, b) -> a + "\n" + b).trim())
        .filter(statement -> statement.startsWith("update"))
        .forEach(statement -> jdbc.sql(statement).update());
  }
}
