package com.marketplace.disputes.support;

import com.marketplace.disputes.demo.HistoryWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes order facts for a test, each with a fresh order id so tests never share an order, through
 * the writer of made-up history.
 */
@Component
public class TestOrders {

  private final HistoryWriter history;

  public TestOrders(JdbcClient jdbc) {
    this.history = new HistoryWriter(jdbc);
  }

  /** An eligible physical order of {@code buyer} from {@code seller}: shipped 20 days ago. */
  public String eligible(String buyer, String seller, String amount) {
    return order(buyer, seller, amount, "PHYSICAL", Duration.ofDays(20), Duration.ofDays(40));
  }

  public String order(String buyer, String seller, String amount, String itemType,
      Duration shippedAgo, Duration protectionLeft) {
    String orderId = "T-" + UUID.randomUUID().toString().substring(0, 13);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("order_id", orderId);
    order.put("buyer_id", buyer);
    order.put("seller_id", seller);
    order.put("title", "Test item");
    order.put("amount", new BigDecimal(amount));
    order.put("currency", "USD");
    order.put("item_type", itemType);
    order.put("shipped_at", now.minus(shippedAgo));
    order.put("estimated_delivery_at", now.minus(shippedAgo).plus(Duration.ofDays(19)));
    order.put("protection_ends_at", now.plus(protectionLeft));
    order.put("tracking_number", "LP0001");
    order.put("updated_at", now);
    history.order(order);
    return orderId;
  }
}
