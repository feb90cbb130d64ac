package com.marketplace.disputes.support;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes order facts for a test, each with a fresh order id so tests never share an order. */
@Component
public class TestOrders {

  private final JdbcClient jdbc;

  public TestOrders(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An eligible physical order of {@code buyer} from {@code seller}: shipped 20 days ago. */
  public String eligible(String buyer, String seller, String amount) {
    return order(buyer, seller, amount, "PHYSICAL", Duration.ofDays(20), Duration.ofDays(40));
  }

  public String order(String buyer, String seller, String amount, String itemType,
      Duration shippedAgo, Duration protectionLeft) {
    String orderId = "T-" + UUID.randomUUID().toString().substring(0, 13);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    jdbc.sql("""
        insert into market_order (order_id, buyer_id, seller_id, title, amount, currency, item_type,
          shipped_at, estimated_delivery_at, protection_ends_at, tracking_number, updated_at)
        values (:id, :buyer, :seller, 'Test item', :amount, 'USD', :type, :shipped, :eta,
          :protection, 'LP0001', :now)""")
        .param("id", orderId).param("buyer", buyer).param("seller", seller)
        .param("amount", new BigDecimal(amount)).param("type", itemType)
        .param("shipped", Timestamp.from(now.minus(shippedAgo)))
        .param("eta", Timestamp.from(now.minus(shippedAgo).plus(Duration.ofDays(19))))
        .param("protection", Timestamp.from(now.plus(protectionLeft)))
        .param("now", Timestamp.from(now)).update();
    return orderId;
  }
}
