package com.marketplace.disputes.analytics;

import com.marketplace.disputes.config.StartupOrder;
import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.kernel.AppClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: ninety days of made-up dispute history for ten fictional shops, so the
 * analytics dashboard has something to show. Written once, as records only (orders, disputes,
 * timelines, refunds) with no process instances behind them: the shops and shoppers are not
 * users, and disputes still in flight today cannot be worked in Tasklist. One shop,
 * volt-gadgets, has far more disputes and silences than the rest, as an abusive seller would.
 */
@Component
@Profile("demo")
public class DemoHistory {

  private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
  private static final int DAYS = 90;
  private static final String ORDER_PREFIX = "HIST-";
  private static final char[] ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

  /** A fictional shop: orders shipped per day, share of orders disputed, share left unanswered. */
  private record Shop(String id, int ordersPerDay, double disputeRate, double silence,
      String currency) {}

  private static final List<Shop> SHOPS = List.of(
      new Shop("aurora-home", 40, 0.012, 0.04, "USD"),
      new Shop("volt-gadgets", 18, 0.09, 0.35, "USD"),
      new Shop("maple-outdoor", 25, 0.02, 0.08, "USD"),
      new Shop("nordlicht-mode", 30, 0.025, 0.05, "EUR"),
      new Shop("pixel-parts", 22, 0.04, 0.15, "USD"),
      new Shop("lumen-lighting", 15, 0.02, 0.05, "EUR"),
      new Shop("cedar-kitchen", 28, 0.015, 0.05, "USD"),
      new Shop("swift-sports", 20, 0.03, 0.10, "USD"),
      new Shop("tiny-toys", 12, 0.05, 0.10, "USD"),
      new Shop("harbor-books", 35, 0.008, 0.03, "USD"));

  private final NamedParameterJdbcTemplate jdbc;
  private final SettledDays settledDays;
  private final Random random = new Random(20260301L);
  private final List<SqlParameterSource> orders = new ArrayList<>();
  private final List<SqlParameterSource> disputes = new ArrayList<>();
  private final List<SqlParameterSource> events = new ArrayList<>();
  private final List<SqlParameterSource> refunds = new ArrayList<>();

  public DemoHistory(NamedParameterJdbcTemplate jdbc, SettledDays settledDays) {
    this.jdbc = jdbc;
    this.settledDays = settledDays;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(StartupOrder.DEMO_DISPUTES + 100)
  @Transactional
  public void createOnce() {
    Integer existing = jdbc.queryForObject(
        "select count(*) from market_order where order_id like '" + ORDER_PREFIX + "%'",
        Map.of(), Integer.class);
    if (existing != null && existing > 0) {
      return;
    }
    Instant now = AppClock.now();
    for (Shop shop : SHOPS) {
      List<OrderFact> shipped = shipOrders(shop, now);
      for (int day = DAYS; day >= 1; day--) {
        Instant dayStart = now.minus(Duration.ofDays(day));
        int count = poisson(shop.ordersPerDay() * shop.disputeRate());
        for (int i = 0; i < count; i++) {
          Instant openedAt = dayStart.plusSeconds(random.nextInt(86_400));
          OrderFact order = orderFor(shipped, openedAt);
          if (order != null) {
            dispute(shop, order, openedAt, now);
          }
        }
      }
    }
    insert("""
        insert into market_order (order_id, buyer_id, seller_id, title, amount, currency,
          item_type, shipped_at, estimated_delivery_at, protection_ends_at, updated_at)
        values (:id, :buyer, :seller, :title, :amount, :currency, 'PHYSICAL', :shipped,
          :eta, :protection, :shipped)""", orders);
    insert("""
        insert into dispute (dispute_id, order_id, buyer_id, seller_id, status, reason,
          item_received, problem_detail, description, requested_resolution, requested_amount,
          order_amount, currency, awaiting, due_at, overdue, escalation_reason, decision,
          decision_rationale, decided_by, closure_reason, resolution, refund_amount, opened_at,
          escalated_at, decided_at, closed_at, order_lock, seller_answered_at,
          mediation_sla_breached_at)
        values (:id, :order, :buyer, :seller, :status, :reason, :received, :detail,
          :description, :requested, :requestedAmount, :amount, :currency, :awaiting, :due,
          :overdue, :escalationReason, :decision, :rationale, :decidedBy, :closure, :resolution,
          :refund, :openedAt, :escalatedAt, :decidedAt, :closedAt, :orderLock, :sellerAnsweredAt,
          :slaBreachedAt)""", disputes);
    insert("""
        insert into dispute_event (dispute_id, occurred_at, actor, actor_role, event_type,
          detail, resolution, amount)
        values (:id, :at, :actor, :role, :type, :detail, :resolution, :amount)""", events);
    insert("""
        insert into refund (refund_id, dispute_id, idempotency_key, amount, currency,
          requested_at, expected_by)
        values (:refundId, :id, :key, :amount, :currency, :at, :expected)""", refunds);
    // A figure asked for while this ran may have settled some of these days without them.
    settledDays.forget();
    log.info("Demo dispute history for the analytics dashboard: {} orders, {} disputes, {} "
        + "timeline entries, {} refunds", orders.size(), disputes.size(), events.size(),
        refunds.size());
  }

  private void insert(String sql, List<SqlParameterSource> rows) {
    jdbc.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
  }

  private record OrderFact(String id, String buyer, BigDecimal amount, Instant shippedAt) {}

  private List<OrderFact> shipOrders(Shop shop, Instant now) {
    List<OrderFact> shipped = new ArrayList<>();
    for (int day = DAYS + 30; day >= 1; day--) {
      int count = poisson(shop.ordersPerDay());
      for (int i = 0; i < count; i++) {
        Instant at = now.minus(Duration.ofDays(day)).plusSeconds(random.nextInt(86_400));
        String id = ORDER_PREFIX + shop.id() + "-" + (orders.size() + 1);
        String buyer = "shopper-" + (1 + random.nextInt(4000));
        BigDecimal amount = BigDecimal.valueOf(800 + random.nextInt(17_200), 2);
        shipped.add(new OrderFact(id, buyer, amount, at));
        orders.add(new MapSqlParameterSource()
            .addValue("id", id).addValue("buyer", buyer).addValue("seller", shop.id())
            .addValue("title", "Order from " + shop.id()).addValue("amount", amount)
            .addValue("currency", shop.currency()).addValue("shipped", ts(at))
            .addValue("eta", ts(at.plus(Duration.ofDays(8))))
            .addValue("protection", ts(at.plus(Duration.ofDays(75)))));
      }
    }
    shipped.sort(Comparator.comparing(OrderFact::shippedAt));
    return shipped;
  }

  /** An order shipped 10 to 30 days before, not disputed yet. */
  private OrderFact orderFor(List<OrderFact> shipped, Instant openedAt) {
    List<OrderFact> candidates = shipped.stream()
        .filter(o -> !o.shippedAt().isAfter(openedAt.minus(Duration.ofDays(10)))
            && o.shippedAt().isAfter(openedAt.minus(Duration.ofDays(30))))
        .toList();
    if (candidates.isEmpty()) {
      return null;
    }
    OrderFact order = candidates.get(random.nextInt(candidates.size()));
    shipped.remove(order);
    return order;
  }

  /**
   * One dispute's story as timed steps. Steps up to now are applied to the row and the
   * timeline; a story that is not over yet leaves the dispute open at the step it has reached.
   */
  private void dispute(Shop shop, OrderFact order, Instant openedAt, Instant now) {
    Story story = new Story(shop, order, openedAt);
    story.unfold();
    story.write(now);
  }

  private final class Story {
    private final Shop shop;
    private final OrderFact order;
    private final Instant openedAt;
    private final String id = disputeId();
    private final String reason = pick("NOT_RECEIVED", 35, "DAMAGED", 20, "NOT_AS_DESCRIBED", 25,
        "QUALITY_PROBLEM", 15, "QUANTITY_PROBLEM", 5);
    private final String requested = pick("FULL_REFUND", 60, "PARTIAL_REFUND", 25,
        "RETURN_AND_REFUND", 15);
    private final BigDecimal requestedAmount;
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, Object> row = new HashMap<>();

    Story(Shop shop, OrderFact order, Instant openedAt) {
      this.shop = shop;
      this.order = order;
      this.openedAt = openedAt;
      this.requestedAmount = "PARTIAL_REFUND".equals(requested) ? share(order.amount(), 20, 60)
          : null;
    }

    /** A change to the dispute's row at a time, with its timeline entry (none without a type). */
    private record Step(Instant at, Consumer<Map<String, Object>> change, String actor,
        String role, String type, String detail, String resolution, BigDecimal amount) {}

    private void step(Instant at, Consumer<Map<String, Object>> change, String actor, String role,
        String type, String detail, String resolution, BigDecimal amount) {
      steps.add(new Step(at, change, actor, role, type, detail, resolution, amount));
    }

    private void awaiting(Map<String, Object> r, String status, String party, Instant due) {
      r.put("status", status);
      r.put("awaiting", party);
      r.put("due", ts(due));
      r.put("overdue", false);
    }

    void unfold() {
      step(openedAt, r -> { }, order.buyer(), "BUYER", "REQUESTED", null, requested,
          requestedAmount);
      step(openedAt, r -> awaiting(r, "AWAITING_SELLER", "SELLER",
          openedAt.plus(Duration.ofDays(15))), "system", "SYSTEM", "OPENED", null, null, null);
      if (random.nextDouble() < shop.silence()) {
        escalate(openedAt.plus(Duration.ofDays(15)), "SELLER_NO_RESPONSE", "system", "SYSTEM");
        return;
      }
      Instant answered = openedAt.plus(hours(2, 120));
      double answer = random.nextDouble();
      if (answer < 0.05) {
        escalate(answered, "SELLER_REQUESTED", shop.id(), "SELLER");
      } else if (answer < 0.42) {
        step(answered, r -> { }, shop.id(), "SELLER", "SELLER_ACCEPTED", null, null, null);
        BigDecimal refund = "PARTIAL_REFUND".equals(requested) ? requestedAmount : order.amount();
        step(answered, r -> { }, shop.id(), "SELLER", "AGREED", "Seller accepted the claim",
            requested, refund);
        carryOut(answered, requested, refund, "AGREEMENT");
      } else {
        boolean offer = answer < 0.70;
        BigDecimal offered = share(order.amount(), 20, 50);
        Instant due = answered.plus(Duration.ofDays(7));
        step(answered, r -> awaiting(r, "AWAITING_BUYER", "BUYER", due), shop.id(), "SELLER",
            offer ? "COUNTER_OFFERED" : "SELLER_REJECTED", null,
            offer ? "PARTIAL_REFUND" : null, offer ? offered : null);
        buyerAnswers(answered, offer, offered);
      }
    }

    private void buyerAnswers(Instant answered, boolean offer, BigDecimal offered) {
      Instant reply = answered.plus(hours(1, 96));
      double choice = random.nextDouble();
      if (offer && choice < 0.5) {
        step(reply, r -> { }, order.buyer(), "BUYER", "AGREED",
            "Buyer accepted the seller's offer", "PARTIAL_REFUND", offered);
        carryOut(reply, "PARTIAL_REFUND", offered, "AGREEMENT");
      } else if (choice < (offer ? 0.75 : 0.72)) {
        step(reply, r -> { }, order.buyer(), "BUYER", "BUYER_ESCALATE", null, null, null);
        escalate(reply, "BUYER_REQUESTED", order.buyer(), "BUYER");
      } else if (choice < (offer ? 0.9 : 0.87)) {
        Instant silent = answered.plus(Duration.ofDays(7));
        step(silent, r -> { }, "system", "SYSTEM", "BUYER_NO_RESPONSE",
            "The buyer did not answer the seller's response in time",
            offer ? "PARTIAL_REFUND" : "NONE", offer ? offered : BigDecimal.ZERO);
        if (offer) {
          carryOut(silent, "PARTIAL_REFUND", offered, "BUYER_NO_RESPONSE");
        } else {
          close(silent, "BUYER_NO_RESPONSE", "NONE", BigDecimal.ZERO);
        }
      } else {
        step(reply, r -> { }, order.buyer(), "BUYER", "CANCELLED",
            "The buyer cancelled the dispute", null, null);
        close(reply, "CANCELLED_BY_BUYER", "NONE", BigDecimal.ZERO);
      }
    }

    private void escalate(Instant at, String why, String actor, String role) {
      step(at, r -> {
        awaiting(r, "IN_MEDIATION", "PLATFORM", at.plus(Duration.ofDays(2)));
        r.put("escalationReason", why);
        r.put("escalatedAt", ts(at));
      }, actor, role, "ESCALATED", why, null, null);
      Duration mediation = hours(3, 72);
      if (mediation.compareTo(Duration.ofDays(2)) > 0) {
        step(at.plus(Duration.ofDays(2)), r -> r.put("overdue", true), "system", "SYSTEM",
            "MEDIATION_SLA_BREACHED", null, null, null);
      }
      Instant decided = at.plus(mediation);
      boolean abusive = shop.silence() > 0.3;
      String decision = abusive
          ? pick("FULL_REFUND", 55, "RETURN_AND_REFUND", 15, "PARTIAL_REFUND", 20, "REJECT_CLAIM", 10)
          : pick("FULL_REFUND", 35, "RETURN_AND_REFUND", 15, "PARTIAL_REFUND", 20, "REJECT_CLAIM", 30);
      String resolution = "REJECT_CLAIM".equals(decision) ? "NONE" : decision;
      BigDecimal refund = switch (decision) {
        case "PARTIAL_REFUND" -> share(order.amount(), 25, 60);
        case "REJECT_CLAIM" -> BigDecimal.ZERO;
        default -> order.amount();
      };
      String mediator = random.nextBoolean() ? "mediator1" : "mediator2";
      step(decided, r -> {
        r.put("decision", decision);
        r.put("decidedAt", ts(decided));
        r.put("decidedBy", mediator);
        r.put("rationale", "Decided on the evidence of both parties.");
        r.put("overdue", false);
      }, mediator, "PLATFORM", "DECIDED", "Decided on the evidence of both parties.", resolution,
          refund);
      if ("NONE".equals(resolution)) {
        close(decided.plusSeconds(60), "PLATFORM_DECISION", "NONE", BigDecimal.ZERO);
      } else {
        carryOut(decided, resolution, refund, "PLATFORM_DECISION");
      }
    }

    /** The return (if any), the refund, the closure, and now and then an appeal. */
    private void carryOut(Instant from, String resolution, BigDecimal refund, String closure) {
      Instant at = from;
      if ("RETURN_AND_REFUND".equals(resolution)) {
        Instant shipDue = at.plus(Duration.ofDays(10));
        step(at, r -> awaiting(r, "RETURN_PENDING", "BUYER", shipDue), null, null, null, null,
            null, null);
        Instant shippedBack = at.plus(hours(12, 140));
        Instant receiptDue = shippedBack.plus(Duration.ofDays(15));
        step(shippedBack, r -> awaiting(r, "RETURN_IN_TRANSIT", "SELLER", receiptDue),
            order.buyer(), "BUYER", "RETURN_SHIPPED", "LP" + (100000 + random.nextInt(899999)),
            null, null);
        at = shippedBack.plus(hours(48, 190));
        step(at, r -> { }, shop.id(), "SELLER", "RETURN_RECEIVED", null, null, null);
      }
      Instant paid = at.plusSeconds(30 + random.nextInt(600));
      refund(paid, resolution, refund);
      close(paid.plusSeconds(5), closure, resolution, refund);
    }

    private void refund(Instant at, String resolution, BigDecimal amount) {
      String refundId = "RF-" + id.substring(2) + "-" + (refunds.size() + 1);
      step(at, r -> refunds.add(new MapSqlParameterSource()
              .addValue("refundId", refundId).addValue("id", id)
              .addValue("key", id + "/total=" + amount.toPlainString() + "/" + refundId)
              .addValue("amount", amount).addValue("currency", shop.currency())
              .addValue("at", ts(at))
              .addValue("expected", LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(14))),
          "system", "SYSTEM", "REFUND_ISSUED", "Refund " + refundId, resolution, amount);
    }

    private void close(Instant at, String closure, String resolution, BigDecimal refund) {
      step(at, r -> {
        r.put("status", "CLOSED");
        r.put("awaiting", null);
        r.put("due", null);
        r.put("closure", closure);
        r.put("resolution", resolution);
        r.put("refund", refund);
        r.put("closedAt", ts(at));
      }, "system", "SYSTEM", "CLOSED", closure, resolution, refund);
      if (random.nextDouble() < 0.06) {
        Instant appealed = at.plus(hours(24, 240));
        step(appealed, r -> { }, order.buyer(), "BUYER", "APPEAL_FILED",
            "New photos of the item as it arrived.", null, null);
        boolean overturn = random.nextDouble() < 0.25;
        step(appealed.plus(hours(24, 120)), r -> { }, "senior1", "PLATFORM",
            overturn ? "APPEAL_OVERTURNED" : "APPEAL_UPHELD",
            overturn ? "The new evidence shows the damage." : "The decision stands.",
            null, null);
      }
    }

    void write(Instant now) {
      row.put("id", id);
      row.put("order", order.id());
      row.put("buyer", order.buyer());
      row.put("seller", shop.id());
      row.put("reason", reason);
      row.put("received", !"NOT_RECEIVED".equals(reason));
      row.put("detail", "NOT_RECEIVED".equals(reason) ? null : "OTHER");
      row.put("description", "A made-up dispute of the demo history for the analytics "
          + "dashboard.");
      row.put("requested", requested);
      row.put("requestedAmount", requestedAmount);
      row.put("amount", order.amount());
      row.put("currency", shop.currency());
      row.put("openedAt", ts(openedAt));
      for (String column : List.of("awaiting", "due", "escalationReason", "decision",
          "rationale", "decidedBy", "closure", "resolution", "refund", "escalatedAt",
          "decidedAt", "closedAt", "sellerAnsweredAt", "slaBreachedAt")) {
        row.put(column, null);
      }
      row.put("overdue", false);
      steps.sort(Comparator.comparing(Step::at));
      for (Step step : steps) {
        if (step.at().isAfter(now)) {
          break;
        }
        step.change().accept(row);
        if (step.type() == null) {
          continue;
        }
        // As DisputeRecords keeps them: the first answer and the first breach, later ones not.
        if (DisputeRecords.SELLER_ANSWERS.contains(step.type())) {
          row.putIfAbsent("sellerAnsweredAt", ts(step.at()));
        } else if (DisputeRecords.MEDIATION_SLA_BREACHED.equals(step.type())) {
          row.putIfAbsent("slaBreachedAt", ts(step.at()));
        }
        events.add(new MapSqlParameterSource()
            .addValue("id", id).addValue("at", ts(step.at())).addValue("actor", step.actor())
            .addValue("role", step.role()).addValue("type", step.type())
            .addValue("detail", step.detail()).addValue("resolution", step.resolution())
            .addValue("amount", step.amount()));
      }
      row.put("orderLock", "CLOSED".equals(row.get("status")) ? null : order.id());
      disputes.add(new MapSqlParameterSource(row));
    }
  }

  private String disputeId() {
    StringBuilder id = new StringBuilder("D-");
    for (int i = 0; i < 8; i++) {
      id.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
    }
    return id.toString();
  }

  /** Picks one of the values, each followed by its weight. */
  private String pick(Object... valuesAndWeights) {
    int total = 0;
    for (int i = 1; i < valuesAndWeights.length; i += 2) {
      total += (Integer) valuesAndWeights[i];
    }
    int roll = random.nextInt(total);
    for (int i = 0; i < valuesAndWeights.length; i += 2) {
      roll -= (Integer) valuesAndWeights[i + 1];
      if (roll < 0) {
        return (String) valuesAndWeights[i];
      }
    }
    throw new IllegalStateException("weights");
  }

  private Duration hours(int min, int max) {
    return Duration.ofMinutes(min * 60L + random.nextInt((max - min) * 60));
  }

  private BigDecimal share(BigDecimal amount, int minPercent, int maxPercent) {
    int percent = minPercent + random.nextInt(maxPercent - minPercent + 1);
    return amount.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2,
        RoundingMode.HALF_UP);
  }

  /** A Poisson-distributed count with the given mean (Knuth's method; the means are small). */
  private int poisson(double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      count++;
      product *= random.nextDouble();
    }
    return count;
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
