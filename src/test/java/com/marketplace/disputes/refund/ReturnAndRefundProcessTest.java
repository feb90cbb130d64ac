package com.marketplace.disputes.refund;

import static com.marketplace.disputes.support.DisputeDriver.claim;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.ProcessTest;
import com.marketplace.disputes.support.TestOrders;
import java.math.BigDecimal;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of returnAndRefund, reached through the dispute that calls it. */
@ProcessTest
class ReturnAndRefundProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired HistoryService historyService;
  @Autowired DisputeDriver driver;
  @Autowired TestOrders orders;
  @Autowired JdbcClient jdbc;

  String orderId;

  @BeforeEach
  void setUp() {
    init(engine);
    orderId = orders.eligible("buyer1", "seller1", "75.50");
  }

  /** A dispute the seller settled on the buyer's claim for {@code resolution}. */
  private ProcessInstance agreed(String resolution) {
    Map<String, Object> vars = claim(orderId, "buyer1");
    vars.put("requestedResolution", resolution);
    if ("PARTIAL_REFUND".equals(resolution)) {
      vars.put("requestedAmount", "25.00");
    }
    ProcessInstance pi = driver.start(vars);
    driver.complete(pi.getId(), "RespondToDispute", Map.of("sellerResponse", "ACCEPT"));
    return pi;
  }

  private HistoricProcessInstance called(ProcessInstance pi) {
    return historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .singleResult();
  }

  private long ledgerRows() {
    return jdbc.sql("select count(*) from payment_ledger where order_id = ?").param(orderId)
        .query(Long.class).single();
  }

  @Test
  void returnShippedAndConfirmedIsRefunded() {
    ProcessInstance pi = agreed("RETURN_AND_REFUND");
    Assertions.assertThat(driver.task(pi.getId(), "ShipReturn").getAssignee()).isEqualTo("buyer1");
    assertThatThrownBy(() -> driver.complete(pi.getId(), "ShipReturn", Map.of()))
        .hasMessageContaining("returnTrackingNumber");

    driver.complete(pi.getId(), "ShipReturn", Map.of("returnTrackingNumber", "RT123456789"));
    Assertions.assertThat(driver.task(pi.getId(), "ConfirmReturnReceived").getAssignee())
        .isEqualTo("seller1");
    driver.complete(pi.getId(), "ConfirmReturnReceived", Map.of());

    assertThat(pi).isEnded();
    Assertions.assertThat(historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(called(pi).getId()).activityId("EndEvent_RefundIssued").count())
        .isEqualTo(1);
    Assertions.assertThat(driver.variables(pi.getId()))
        .containsEntry("resolution", "RETURN_AND_REFUND").containsEntry("refundAmount", "75.50")
        .containsKeys("refundId", "refundExpectedBy");
    Assertions.assertThat(ledgerRows()).isEqualTo(1);
  }

  @Test
  void returnNotShippedInTimeLapsesTheClaim() {
    ProcessInstance pi = agreed("RETURN_AND_REFUND");
    driver.fireTimer(pi.getId(), "ReturnShipmentDeadline");

    assertThat(pi).isEnded();
    Assertions.assertThat(historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(called(pi).getId()).activityId("EndEvent_ClaimLapsed").count())
        .isEqualTo(1);
    Assertions.assertThat(driver.variables(pi.getId())).containsEntry("closureReason", "AGREEMENT")
        .containsEntry("resolution", "NONE").containsEntry("refundAmount", "0.00");
    Assertions.assertThat(ledgerRows()).isZero();
  }

  @Test
  void returnNotConfirmedInTimeIsTakenAsReceived() {
    ProcessInstance pi = agreed("RETURN_AND_REFUND");
    driver.complete(pi.getId(), "ShipReturn", Map.of("returnTrackingNumber", "RT123456789"));
    driver.fireTimer(pi.getId(), "ReturnReceiptDeadline");

    assertThat(pi).isEnded();
    Assertions.assertThat(historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(called(pi).getId()).activityId("NoteReturnTakenAsReceived").count())
        .isEqualTo(1);
    Assertions.assertThat(driver.variables(pi.getId())).containsEntry("refundAmount", "75.50");
    Assertions.assertThat(ledgerRows()).isEqualTo(1);
  }

  @Test
  void replacementNeedsNoRefund() {
    ProcessInstance pi = agreed("REPLACEMENT");
    assertThat(pi).isEnded();
    Assertions.assertThat(historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(called(pi).getId()).activityId("EndEvent_NoRefundDue").count())
        .isEqualTo(1);
    Assertions.assertThat(ledgerRows()).isZero();
  }

  @Test
  void partialRefundPaysTheAgreedAmountOnce() {
    ProcessInstance pi = agreed("PARTIAL_REFUND");
    assertThat(pi).isEnded();
    Assertions.assertThat(jdbc.sql("select amount from payment_ledger where order_id = ?")
        .param(orderId).query(BigDecimal.class).single()).isEqualByComparingTo("25.00");
  }
}
