package com.marketplace.disputes.benchmark;

import com.marketplace.disputes.demo.HistoryWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The people and orders of a benchmark: buyers and sellers as identity-service users with mail
 * addresses (so every notice is rendered and sent), a mediator, and one eligible order per
 * dispute, written a thousand at a time through the history writer before the clock starts.
 */
final class Population {

  static final String MEDIATOR = "benchmediator";

  private final HistoryWriter history;
  private final int buyers;
  private final int sellers;
  private final AtomicInteger nextOrder = new AtomicInteger();

  Population(JdbcTemplate jdbc, int buyers, int sellers) {
    this.history = new HistoryWriter(JdbcClient.create(jdbc));
    this.buyers = buyers;
    this.sellers = sellers;
  }

  int buyers() {
    return buyers;
  }

  int sellers() {
    return sellers;
  }

  String buyer(int number) {
    return "benchbuyer" + (number % buyers);
  }

  String seller(int number) {
    return "benchseller" + (number % sellers);
  }

  static String orderId(int number) {
    return "BO-" + number;
  }

  /** Creates the users: every buyer and seller, and one mediator. */
  void createUsers(IdentityService identity) {
    for (int i = 0; i < buyers; i++) {
      user(identity, "benchbuyer" + i);
    }
    for (int i = 0; i < sellers; i++) {
      user(identity, "benchseller" + i);
    }
    user(identity, MEDIATOR);
    identity.createMembership(MEDIATOR, "mediators");
  }

  private static void user(IdentityService identity, String id) {
    if (identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("Benchmark");
    user.setEmail(id + "@bench.example");
    identity.saveUser(user);
  }

  /** Writes {@code count} eligible orders; returns the number of the first. */
  int orders(int count) {
    int first = nextOrder.getAndAdd(count);
    Instant now = Instant.now();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int n = first; n < first + count; n++) {
      Map<String, Object> order = new LinkedHashMap<>();
      order.put("order_id", orderId(n));
      order.put("buyer_id", buyer(n));
      order.put("seller_id", seller(n));
      order.put("title", "Benchmark item");
      order.put("amount", new BigDecimal("49.90"));
      order.put("currency", "USD");
      order.put("item_type", "PHYSICAL");
      order.put("shipped_at", now.minus(Duration.ofDays(20)));
      order.put("estimated_delivery_at", now.minus(Duration.ofDays(1)));
      order.put("protection_ends_at", now.plus(Duration.ofDays(40)));
      order.put("tracking_number", "LP0001");
      order.put("updated_at", now);
      rows.add(order);
      if (rows.size() == 1000 || n == first + count - 1) {
        history.orders(rows);
        rows.clear();
      }
    }
    return first;
  }
}
