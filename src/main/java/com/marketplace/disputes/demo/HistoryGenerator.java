package com.marketplace.disputes.demo;

import static com.marketplace.disputes.timeline.ActorRole.BUYER;
import static com.marketplace.disputes.timeline.ActorRole.PLATFORM;
import static com.marketplace.disputes.timeline.ActorRole.SELLER;
import static com.marketplace.disputes.timeline.ActorRole.SYSTEM;

import com.marketplace.disputes.dispute.DisputeStatus;
import com.marketplace.disputes.kernel.Ids;
import com.marketplace.disputes.timeline.ActorRole;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.TimelineEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Made-up dispute history for fictional shops, written as records only (orders, disputes,
 * timelines, refunds) through {@link HistoryWriter}, with no process instances behind them: each
 * dispute a story of timed steps drawn at random, written as far as it has got by now.
 */
public final class HistoryGenerator {

  static final String ORDER_PREFIX = "HIST-";

  /** A fictional shop: orders shipped per day, share of orders disputed, share left unanswered. */
  public record Shop(String id, int ordersPerDay, double disputeRate, double silence,
      String currency) {}

  /** The demo's ten shops; volt-gadgets behaves as an abusive seller would. */
  public static final List<Shop> DEMO_SHOPS = List.of(
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

  private final HistoryWriter writer;
  private final Random random;
  private int orders;
  private int disputes;

  /** Draws from a random sequence of this seed: the same seed writes the same history. */
  public HistoryGenerator(HistoryWriter writer, long seed) {
    this.writer = writer;
    this.random = new Random(seed);
  }

  /**
   * Writes {@code days} days of history up to {@code now} for the shops: their orders and the
   * disputes about them, each as far as its story has got by now. Returns how many disputes.
   */
  public int generate(List<Shop> shops, int days, Instant now) {
    for (Shop shop : shops) {
      List<OrderFact> shipped = shipOrders(shop, days, now);
      for (int day = days; day >= 1; day--) {
        Instant dayStart = now.minus(Duration.ofDays(day));
        int count = poisson(shop.ordersPerDay() * shop.disputeRate());
        for (int i = 0; i < count; i++) {
          Instant openedAt = dayStart.plusSeconds(random.nextInt(86_400));
          OrderFact order = orderFor(shipped, openedAt);
          if (order != null) {
            Story story = new Story(shop, order, openedAt);
            story.unfold();
            story.write(now);
            disputes++;
          }
        }
      }
    }
    return disputes;
  }

  private record OrderFact(String id, String buyer, BigDecimal amount, Instant shippedAt) {}

  private List<OrderFact> shipOrders(Shop shop, int days, Instant now) {
    List<OrderFact> shipped = new ArrayList<>();
    for (int day = days + 30; day >= 1; day--) {
      int count = poisson(shop.ordersPerDay());
      for (int i = 0; i < count; i++) {
        Instant at = now.minus(Duration.ofDays(day)).plusSeconds(random.nextInt(86_400));
        String id = ORDER_PREFIX + shop.id() + "-" + (++orders);
        String buyer = "shopper-" + (1 + random.nextInt(4000));
        BigDecimal amount = BigDecimal.valueOf(800 + random.nextInt(17_200), 2);
        shipped.add(new OrderFact(id, buyer, amount, at));
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("order_id", id);
        order.put("buyer_id", buyer);
        order.put("seller_id", shop.id());
        order.put("title", "Order from " + shop.id());
        order.put("amount", amount);
        order.put("currency", shop.currency());
        order.put("item_type", "PHYSICAL");
        order.put("shipped_at", at);
        order.put("estimated_delivery_at", at.plus(Duration.ofDays(8)));
        order.put("protection_ends_at", at.plus(Duration.ofDays(75)));
        order.put("updated_at", at);
        writer.order(order);
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
  private final class Story {
    private final Shop shop;
    private final OrderFact order;
    private final Instant openedAt;
    private final String id = Ids.next("D", random);
    private final String reason = pick("NOT_RECEIVED", 35, "DAMAGED", 20, "NOT_AS_DESCRIBED", 25,
        "QUALITY_PROBLEM", 15, "QUANTITY_PROBLEM", 5);
    private final String requested = pick("FULL_REFUND", 60, "PARTIAL_REFUND", 25,
        "RETURN_AND_REFUND", 15);
    private final BigDecimal requestedAmount;
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, Object> row = new LinkedHashMap<>();
    private final List<Runnable> refunds = new ArrayList<>();

    Story(Shop shop, OrderFact order, Instant openedAt) {
      this.shop = shop;
      this.order = order;
      this.openedAt = openedAt;
      this.requestedAmount = "PARTIAL_REFUND".equals(requested) ? share(order.amount(), 20, 60)
          : null;
    }

    /** A change to the dispute's row at a time, with its timeline entry (none without a type). */
    private record Step(Instant at, Consumer<Map<String, Object>> change, String actor,
        ActorRole role, String type, String detail, String resolution, BigDecimal amount) {}

    private void step(Instant at, Consumer<Map<String, Object>> change, String actor,
        ActorRole role, String type, String detail, String resolution, BigDecimal amount) {
      steps.add(new Step(at, change, actor, role, type, detail, resolution, amount));
    }

    private void awaiting(Map<String, Object> r, DisputeStatus status, String party, Instant due) {
      r.put("status", status.name());
      r.put("awaiting", party);
      r.put("due_at", due);
      r.put("overdue", false);
    }

    void unfold() {
      step(openedAt, r -> { }, order.buyer(), BUYER, "REQUESTED", null, requested,
          requestedAmount);
      step(openedAt, r -> awaiting(r, DisputeStatus.AWAITING_SELLER, "SELLER",
          openedAt.plus(Duration.ofDays(15))), "system", SYSTEM, "OPENED", null, null, null);
      if (random.nextDouble() < shop.silence()) {
        escalate(openedAt.plus(Duration.ofDays(15)), "SELLER_NO_RESPONSE", "system", SYSTEM);
        return;
      }
      Instant answered = openedAt.plus(hours(2, 120));
      double answer = random.nextDouble();
      if (answer < 0.05) {
        escalate(answered, "SELLER_REQUESTED", shop.id(), SELLER);
      } else if (answer < 0.42) {
        step(answered, r -> { }, shop.id(), SELLER, "SELLER_ACCEPTED", null, null, null);
        BigDecimal refund = "PARTIAL_REFUND".equals(requested) ? requestedAmount : order.amount();
        step(answered, r -> { }, shop.id(), SELLER, "AGREED", "Seller accepted the claim",
            requested, refund);
        carryOut(answered, requested, refund, "AGREEMENT");
      } else {
        boolean offer = answer < 0.70;
        BigDecimal offered = share(order.amount(), 20, 50);
        Instant due = answered.plus(Duration.ofDays(7));
        step(answered, r -> awaiting(r, DisputeStatus.AWAITING_BUYER, "BUYER", due), shop.id(),
            SELLER, offer ? "COUNTER_OFFERED" : "SELLER_REJECTED", null,
            offer ? "PARTIAL_REFUND" : null, offer ? offered : null);
        buyerAnswers(answered, offer, offered);
      }
    }

    private void buyerAnswers(Instant answered, boolean offer, BigDecimal offered) {
      Instant reply = answered.plus(hours(1, 96));
      double choice = random.nextDouble();
      if (offer && choice < 0.5) {
        step(reply, r -> { }, order.buyer(), BUYER, "AGREED",
            "Buyer accepted the seller's offer", "PARTIAL_REFUND", offered);
        carryOut(reply, "PARTIAL_REFUND", offered, "AGREEMENT");
      } else if (choice < (offer ? 0.75 : 0.72)) {
        step(reply, r -> { }, order.buyer(), BUYER, "BUYER_ESCALATE", null, null, null);
        escalate(reply, "BUYER_REQUESTED", order.buyer(), BUYER);
      } else if (choice < (offer ? 0.9 : 0.87)) {
        Instant silent = answered.plus(Duration.ofDays(7));
        step(silent, r -> { }, "system", SYSTEM, "BUYER_NO_RESPONSE",
            "The buyer did not answer the seller's response in time",
            offer ? "PARTIAL_REFUND" : "NONE", offer ? offered : BigDecimal.ZERO);
        if (offer) {
          carryOut(silent, "PARTIAL_REFUND", offered, "BUYER_NO_RESPONSE");
        } else {
          close(silent, "BUYER_NO_RESPONSE", "NONE", BigDecimal.ZERO);
        }
      } else {
        step(reply, r -> { }, order.buyer(), BUYER, "CANCELLED",
            "The buyer cancelled the dispute", null, null);
        close(reply, "CANCELLED_BY_BUYER", "NONE", BigDecimal.ZERO);
      }
    }

    private void escalate(Instant at, String why, String actor, ActorRole role) {
      step(at, r -> {
        awaiting(r, DisputeStatus.IN_MEDIATION, "PLATFORM", at.plus(Duration.ofDays(2)));
        r.put("escalation_reason", why);
        r.put("escalated_at", at);
      }, actor, role, "ESCALATED", why, null, null);
      Duration mediation = hours(3, 72);
      if (mediation.compareTo(Duration.ofDays(2)) > 0) {
        step(at.plus(Duration.ofDays(2)), r -> r.put("overdue", true), "system", SYSTEM,
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
        r.put("decided_at", decided);
        r.put("decided_by", mediator);
        r.put("decision_rationale", "Decided on the evidence of both parties.");
        r.put("overdue", false);
      }, mediator, PLATFORM, "DECIDED", "Decided on the evidence of both parties.", resolution,
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
        step(at, r -> awaiting(r, DisputeStatus.RETURN_PENDING, "BUYER", shipDue), null, null,
            null, null, null, null);
        Instant shippedBack = at.plus(hours(12, 140));
        Instant receiptDue = shippedBack.plus(Duration.ofDays(15));
        step(shippedBack, r -> awaiting(r, DisputeStatus.RETURN_IN_TRANSIT, "SELLER", receiptDue),
            order.buyer(), BUYER, "RETURN_SHIPPED", "LP" + (100000 + random.nextInt(899999)),
            null, null);
        at = shippedBack.plus(hours(48, 190));
        step(at, r -> { }, shop.id(), SELLER, "RETURN_RECEIVED", null, null, null);
      }
      Instant paid = at.plusSeconds(30 + random.nextInt(600));
      refund(paid, resolution, refund);
      close(paid.plusSeconds(5), closure, resolution, refund);
    }

    private void refund(Instant at, String resolution, BigDecimal amount) {
      String refundId = "RF-" + id.substring(2) + "-" + (refunds.size() + 1);
      step(at, r -> refunds.add(() -> writer.refund(refundId, id,
              id + "/total=" + amount.toPlainString() + "/" + refundId, amount, shop.currency(),
              at, LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(14))),
          "system", SYSTEM, "REFUND_ISSUED", "Refund " + refundId, resolution, amount);
    }

    private void close(Instant at, String closure, String resolution, BigDecimal refund) {
      step(at, r -> {
        r.put("status", DisputeStatus.CLOSED.name());
        r.put("awaiting", null);
        r.put("due_at", null);
        r.put("closure_reason", closure);
        r.put("resolution", resolution);
        r.put("refund_amount", refund);
        r.put("closed_at", at);
      }, "system", SYSTEM, "CLOSED", closure, resolution, refund);
      if (random.nextDouble() < 0.06) {
        Instant appealed = at.plus(hours(24, 240));
        step(appealed, r -> { }, order.buyer(), BUYER, "APPEAL_FILED",
            "New photos of the item as it arrived.", null, null);
        boolean overturn = random.nextDouble() < 0.25;
        step(appealed.plus(hours(24, 120)), r -> { }, "senior1", PLATFORM,
            overturn ? "APPEAL_OVERTURNED" : "APPEAL_UPHELD",
            overturn ? "The new evidence shows the damage." : "The decision stands.",
            null, null);
      }
    }

    void write(Instant now) {
      row.put("dispute_id", id);
      row.put("order_id", order.id());
      row.put("buyer_id", order.buyer());
      row.put("seller_id", shop.id());
      row.put("reason", reason);
      row.put("item_received", !"NOT_RECEIVED".equals(reason));
      row.put("problem_detail", "NOT_RECEIVED".equals(reason) ? null : "OTHER");
      row.put("description", "A made-up dispute of the demo history for the analytics "
          + "dashboard.");
      row.put("requested_resolution", requested);
      row.put("requested_amount", requestedAmount);
      row.put("order_amount", order.amount());
      row.put("currency", shop.currency());
      row.put("opened_at", openedAt);
      row.put("overdue", false);
      steps.sort(Comparator.comparing(Step::at));
      List<TimelineEvent> events = new ArrayList<>();
      for (Step step : steps) {
        if (step.at().isAfter(now)) {
          break;
        }
        step.change().accept(row);
        if (step.type() != null) {
          events.add(TimelineEvent.by(id, step.actor(), step.role(), EventKind.valueOf(step.type()))
              .detail(step.detail()).naming(step.resolution(), step.amount()).at(step.at()));
        }
      }
      row.put("order_lock",
          DisputeStatus.CLOSED.name().equals(row.get("status")) ? null : order.id());
      writer.dispute(row);
      events.forEach(writer::event);
      refunds.forEach(Runnable::run);
    }
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
}
