package com.marketplace.disputes.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketplace.disputes.support.HttpTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The row lock that serializes dispute starts for one order, on the real database. */
@HttpTest
class OrderRepositoryIT {

  @Autowired
  OrderRepository orders;

  @Autowired
  TransactionTemplate transactions;

  @Test
  void findForUpdateHoldsOtherWritersOfTheOrderUntilCommit() throws Exception {
    String orderId = "ORD-L" + UUID.randomUUID().toString().substring(0, 8);
    orders.upsert(order(orderId, "10.00"));
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);

    CompletableFuture<Void> holder = CompletableFuture.runAsync(() ->
        transactions.executeWithoutResult(status -> {
          assertThat(orders.findForUpdate(orderId)).isPresent();
          locked.countDown();
          await(release);
        }));
    assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Boolean> writer =
        CompletableFuture.supplyAsync(() -> orders.upsert(order(orderId, "20.00")));

    Thread.sleep(500);
    assertThat(writer).as("the writer waits for the lock").isNotDone();
    release.countDown();
    holder.get(10, TimeUnit.SECONDS);
    assertThat(writer.get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(orders.find(orderId)).get().extracting(Order::amount).hasToString("20.00");
    assertThat(orders.find("ORD-NO-SUCH")).isEmpty();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Order order(String orderId, String amount) {
    Instant now = Instant.now();
    return new Order(orderId, "lockbuyer", "lockseller", "Lamp", new BigDecimal(amount), "USD",
        ItemType.PHYSICAL, now, null, null, now.plusSeconds(86_400), null);
  }
}
