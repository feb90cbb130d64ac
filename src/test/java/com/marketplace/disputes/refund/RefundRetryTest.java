package com.marketplace.disputes.refund;

import static com.marketplace.disputes.support.DisputeDriver.claim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.LosingPaymentGateway;
import com.marketplace.disputes.support.ProcessTest;
import com.marketplace.disputes.support.TestOrders;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The worst case for a refund: the provider pays, but the answer never reaches us, twice. The
 * engine retries the job; the idempotency key makes the provider pay exactly once.
 */
@ProcessTest
class RefundRetryTest {

  @Autowired DisputeDriver driver;
  @Autowired TestOrders orders;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcClient jdbc;
  @Autowired LosingPaymentGateway gateway;

  @BeforeEach
  @AfterEach
  void resetGateway() {
    gateway.reset();
  }

  @Test
  void refundFailsTwiceIsRetriedAndPaysExactlyOnce() {
    String orderId = orders.eligible("buyer1", "seller1", "30.00");
    ProcessInstance pi = driver.start(claim(orderId, "buyer1"));
    gateway.answersToLose.set(2);
    assertThatThrownBy(() -> driver.complete(pi.getId(), "RespondToDispute",
        Map.of("sellerResponse", "ACCEPT"))).hasMessageContaining("answer lost");

    Job refundJob = refundJob(pi);
    assertThat(refundJob.getRetries()).isEqualTo(4);
    assertThatThrownBy(() -> managementService.executeJob(refundJob.getId()))
        .hasMessageContaining("answer lost");
    assertThat(refundJob(pi).getRetries()).isEqualTo(3);

    managementService.executeJob(refundJob.getId());
    driver.runAsync(pi.getId());

    assertThat(gateway.calls.get()).isEqualTo(3);
    assertThat(jdbc.sql("select count(*) from payment_ledger where order_id = ?").param(orderId)
        .query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select amount from refund where dispute_id = ?")
        .param(driver.variables(pi.getId()).get("disputeId")).query(BigDecimal.class).single())
        .isEqualByComparingTo("30.00");
    assertThat(driver.variables(pi.getId())).containsEntry("closureReason", "AGREEMENT")
        .containsEntry("refundAmount", "30.00");
  }

  private Job refundJob(ProcessInstance pi) {
    String called = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(pi.getId()).singleResult().getId();
    return managementService.createJobQuery().processInstanceId(called).activityId("IssueRefund")
        .singleResult();
  }
}
