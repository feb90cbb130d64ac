package com.marketplace.disputes.benchmark;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The people and orders of a benchmark: buyers and sellers as identity-service users with mail
 * addresses (so every notice is rendered and sent), a mediator, and one eligible order per
 * dispute, written in JDBC batches before the clock starts.
 */
final class Population {

  static final String MEDIATOR = "benchmediator";

  private final JdbcTemplate jdbc;
  private final int buyers;
  private final int sellers;
  private final AtomicInteger nextOrder = new AtomicInteger();

  Population(JdbcTemplate jdbc, int buyers, int sellers) {
    this.jdbc = jdbc;
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
    Timestamp shipped = Timestamp.from(now.minus(Duration.ofDays(20)));
    Timestamp eta = Timestamp.from(now.minus(Duration.ofDays(1)));
    Timestamp protection = Timestamp.from(now.plus(Duration.ofDays(40)));
    Timestamp updated = Timestamp.from(now);
    List<Object[]> rows = new ArrayList<>();
    for (int n = first; n < first + count; n++) {
      rows.add(new Object[] {orderId(n), buyer(n), seller(n), new BigDecimal("49.90"), shipped,
          eta, protection, updated});
      if (rows.size() == 1000 || n == first + count - 1) {
        jdbc.batchUpdate("""
            insert into market_order (order_id, buyer_id, seller_id, title, amount, currency,
              item_type, shipped_at, estimated_delivery_at, protection_ends_at, tracking_number,
              updated_at)
            values (?, ?, ?, 'Benchmark item', ?, 'USD', 'PHYSICAL', ?, ?, ?, 'LP0001', ?)""",
            rows);
        rows.clear();
      }
    }
    return first;
  }
}
