package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.support.DisputeDriver.claim;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketplace.disputes.support.ProcessTest;
import com.marketplace.disputes.support.TestOrders;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Twenty requests for the same order at the same moment open exactly one dispute. */
@ProcessTest
class OneOpenDisputePerOrderTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TestOrders orders;
  @Autowired JdbcClient jdbc;

  @Test
  void twentyConcurrentStartsLeaveExactlyOneOpenDispute() throws Exception {
    String orderId = orders.eligible("buyer1", "seller1", "49.90");
    int requests = 20;
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      results.add(pool.submit(() -> {
        go.await();
        String pi = runtimeService.startProcessInstanceByKey("disputeMediation",
            claim(orderId, "buyer1")).getId();
        return runtimeService.createProcessInstanceQuery().processInstanceId(pi).count() == 1;
      }));
    }
    go.countDown();
    int stillRunning = 0;
    for (Future<Boolean> result : results) {
      if (result.get(60, TimeUnit.SECONDS)) {
        stillRunning++;
      }
    }
    pool.shutdown();

    assertThat(stillRunning).isEqualTo(1);
    // Opened, and in the same transaction waiting for the seller.
    assertThat(jdbc.sql(
        "select count(*) from dispute where order_id = ? and status = 'AWAITING_SELLER'")
        .param(orderId).query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("""
        select count(*) from dispute where order_id = ? and status = 'INELIGIBLE'
          and ineligibility_reason = 'DISPUTE_EXISTS'""")
        .param(orderId).query(Long.class).single()).isEqualTo(requests - 1);
  }
}
