package com.marketplace.disputes.analytics;

import com.marketplace.disputes.demo.HistoryWriter;
import com.marketplace.disputes.timeline.ActorRole;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.TimelineEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A known dispute history written straight into the domain tables through the demo's
 * {@link HistoryWriter} (timeline entries as the process writes them), with timestamps to the
 * second, for the
 * period March 2026 looked at on 2 April 2026. Every figure's expected value in the tests follows
 * from the rows below; the comments give each dispute's story.
 */
public final class SeededHistory {

  public static final LocalDate FROM = LocalDate.parse("2026-03-01");
  public static final LocalDate TO = LocalDate.parse("2026-03-31");
  static final Instant NOW = Instant.parse("2026-04-02T00:00:00Z");

  private final JdbcClient jdbc;
  private final HistoryWriter writer;
  private final AtomicInteger refunds = new AtomicInteger();

  public SeededHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.writer = new HistoryWriter(jdbc);
  }

  /** Deletes every dispute and order, and the days settled from them. */
  void clear() {
    for (String table : List.of("dispute_event", "dispute_offer", "refund", "decision_rule",
        "dispute", "market_order")) {
      jdbc.sql("delete from " + table).update();
    }
    SettledDays.TABLES.forEach(table -> jdbc.sql("delete from " + table).update());
  }

  public void write() {
    // The days it rewrites may have been settled from an earlier history.
    clear();

    // D-A1: seller accepts after 24 h, refund, closed by agreement after 72 h; appealed on
    // 1 April (after the period: it still counts as an appeal of a March closure), overturned
    // the same day (outside the period).
    dispute("D-A1", "s-alpha", "NOT_RECEIVED", "CLOSED", "2026-03-02T10:00:00Z")
        .closed("2026-03-05T10:00:00Z", "AGREEMENT").write();
    event("D-A1", "SELLER_ACCEPTED", "2026-03-03T10:00:00Z");
    refund("D-A1", "49.90", "USD", "2026-03-05T09:00:00Z");
    event("D-A1", "APPEAL_FILED", "2026-04-01T10:00:00Z");
    event("D-A1", "APPEAL_OVERTURNED", "2026-04-01T12:00:00Z");

    // D-A2: counter offer after 72 h, the buyer never answers: closed after 216 h, the offer
    // paid, later raised by 5.00 (a second payment for the same dispute).
    dispute("D-A2", "s-alpha", "DAMAGED", "CLOSED", "2026-03-02T12:00:00Z")
        .closed("2026-03-11T12:00:00Z", "BUYER_NO_RESPONSE").write();
    event("D-A2", "COUNTER_OFFERED", "2026-03-05T12:00:00Z");
    refund("D-A2", "10.00", "USD", "2026-03-11T12:00:00Z");
    refund("D-A2", "5.00", "USD", "2026-03-20T00:00:00Z");

    // D-A3: rejected after 6 h, the buyer escalates, decided after 24 h in mediation: full
    // refund in EUR, closed after 72 h.
    dispute("D-A3", "s-alpha", "NOT_AS_DESCRIBED", "CLOSED", "2026-03-03T00:00:00Z")
        .escalated("2026-03-03T08:00:00Z", "BUYER_REQUESTED")
        .decided("2026-03-04T08:00:00Z", "FULL_REFUND")
        .closed("2026-03-06T00:00:00Z", "PLATFORM_DECISION").write();
    event("D-A3", "SELLER_REJECTED", "2026-03-03T06:00:00Z");
    refund("D-A3", "100.00", "EUR", "2026-03-05T00:00:00Z");
    rules("D-A3", "D-A3", "FULL_REFUND", "2026-03-04T08:00:00Z", "SNAD_RETURN_REFUND",
        "DAMAGED_IN_TRANSIT");

    // D-A4: the seller stays silent, automatic escalation, the SLA breaks, partial refund after
    // 72 h in mediation, closed after 456 h.
    dispute("D-A4", "s-bravo", "QUALITY_PROBLEM", "CLOSED", "2026-03-05T00:00:00Z")
        .escalated("2026-03-20T00:00:00Z", "SELLER_NO_RESPONSE")
        .decided("2026-03-23T00:00:00Z", "PARTIAL_REFUND")
        .closed("2026-03-24T00:00:00Z", "PLATFORM_DECISION").write();
    event("D-A4", "MEDIATION_SLA_BREACHED", "2026-03-22T00:00:00Z");
    refund("D-A4", "20.00", "USD", "2026-03-24T00:00:00Z");
    rules("D-A4", "D-A4", "PARTIAL_REFUND", "2026-03-23T00:00:00Z", "MINOR_DEFECT_PARTIAL",
        "SELLER_UNRESPONSIVE");

    // D-A5: rejected after 48 h, rejected again after a revision, the seller escalates, two
    // mediation rounds both past the SLA, claim rejected after 144 h in mediation, closed after
    // 309 h; appealed and upheld in March.
    dispute("D-A5", "s-bravo", "NOT_RECEIVED", "CLOSED", "2026-03-02T05:00:00Z")
        .escalated("2026-03-09T01:00:00Z", "SELLER_REQUESTED")
        .decided("2026-03-15T01:00:00Z", "REJECT_CLAIM")
        .closed("2026-03-15T02:00:00Z", "PLATFORM_DECISION").write();
    event("D-A5", "SELLER_REJECTED", "2026-03-04T05:00:00Z");
    event("D-A5", "SELLER_REJECTED", "2026-03-09T00:00:00Z");
    event("D-A5", "MEDIATION_SLA_BREACHED", "2026-03-11T01:00:00Z");
    event("D-A5", "MEDIATION_SLA_BREACHED", "2026-03-14T00:00:00Z");
    event("D-A5", "APPEAL_FILED", "2026-03-20T00:00:00Z");
    event("D-A5", "APPEAL_UPHELD", "2026-03-25T00:00:00Z");
    rules("D-A5", "D-A5", "REJECT_CLAIM", "2026-03-15T01:00:00Z", "INR_DELIVERY_CONFIRMED");
    rules("A-A5", "D-A5", "UPHOLD", "2026-03-25T00:00:00Z", "APPEAL_NOTHING_NEW");

    // D-A6: cancelled by the buyer after 24 h, before the seller answered.
    dispute("D-A6", "s-bravo", "DAMAGED", "CLOSED", "2026-03-10T00:00:00Z")
        .closed("2026-03-11T00:00:00Z", "CANCELLED_BY_BUYER").write();

    // D-A7: waiting for the seller, past its due date.
    dispute("D-A7", "s-bravo", "NOT_RECEIVED", "AWAITING_SELLER", "2026-03-12T00:00:00Z")
        .awaiting("SELLER", "2026-03-27T00:00:00Z", false).write();

    // D-A8: the buyer escalates; waiting for a decision, SLA broken and flagged.
    dispute("D-A8", "s-charlie", "QUANTITY_PROBLEM", "IN_MEDIATION", "2026-03-15T00:00:00Z")
        .escalated("2026-03-16T00:00:00Z", "BUYER_REQUESTED")
        .awaiting("PLATFORM", "2026-03-18T00:00:00Z", true).write();
    event("D-A8", "MEDIATION_SLA_BREACHED", "2026-03-18T00:00:00Z");

    // D-A9: counter offer after 12 h, waiting for the buyer, not due yet.
    dispute("D-A9", "s-charlie", "DAMAGED", "AWAITING_BUYER", "2026-03-20T00:00:00Z")
        .awaiting("BUYER", "2026-04-10T00:00:00Z", false).write();
    event("D-A9", "COUNTER_OFFERED", "2026-03-20T12:00:00Z");

    // D-A10: opened in the period's last second, waiting for the seller.
    dispute("D-A10", "s-delta", "NOT_AS_DESCRIBED", "AWAITING_SELLER", "2026-03-31T23:59:59Z")
        .awaiting("SELLER", "2026-04-15T00:00:00Z", false).write();

    // D-A11: automatic escalation, full refund decided after 48 h; the refund has not run yet,
    // so the row still says IN_MEDIATION with the old SLA date.
    dispute("D-A11", "s-delta", "NOT_AS_DESCRIBED", "IN_MEDIATION", "2026-03-10T00:00:00Z")
        .escalated("2026-03-25T00:00:00Z", "SELLER_NO_RESPONSE")
        .decided("2026-03-27T00:00:00Z", "FULL_REFUND")
        .awaiting("PLATFORM", "2026-03-27T00:00:00Z", false).write();
    // Its second rule has since left the catalogue.
    rules("D-A11", "D-A11", "FULL_REFUND", "2026-03-27T00:00:00Z", "SELLER_UNRESPONSIVE",
        "RULE_SINCE_REMOVED");

    // D-A12: refused as ineligible: in no figure.
    dispute("D-A12", "s-alpha", "DAMAGED", "INELIGIBLE", "2026-03-05T00:00:00Z")
        .closed("2026-03-05T00:00:00Z", "INELIGIBLE").write();

    // D-B1: opened the hour before the period, accepted 3 h later, closed after 25 h, refund.
    dispute("D-B1", "s-echo", "NOT_RECEIVED", "CLOSED", "2026-02-28T23:00:00Z")
        .closed("2026-03-02T00:00:00Z", "AGREEMENT").write();
    event("D-B1", "SELLER_ACCEPTED", "2026-03-01T02:00:00Z");
    refund("D-B1", "30.00", "USD", "2026-03-01T23:00:00Z");

    // D-B2: all in February, except its appeal: appealed 1 March, overturned 10 March with a
    // second refund of 25.00.
    dispute("D-B2", "s-echo", "DAMAGED", "CLOSED", "2026-01-20T00:00:00Z")
        .escalated("2026-02-10T00:00:00Z", "SELLER_NO_RESPONSE")
        .decided("2026-02-12T00:00:00Z", "FULL_REFUND")
        .closed("2026-02-20T00:00:00Z", "PLATFORM_DECISION").write();
    refund("D-B2", "75.00", "USD", "2026-02-20T00:00:00Z");
    event("D-B2", "APPEAL_FILED", "2026-03-01T00:00:00Z");
    event("D-B2", "APPEAL_OVERTURNED", "2026-03-10T00:00:00Z");
    refund("D-B2", "25.00", "USD", "2026-03-10T00:00:00Z");
    rules("D-B2", "D-B2", "FULL_REFUND", "2026-02-12T00:00:00Z", "INR_NO_DELIVERY_PROOF");
    rules("A-B2", "D-B2", "OVERTURN", "2026-03-10T00:00:00Z", "APPEAL_NEW_EVIDENCE",
        "CLAIM_UNSUPPORTED");

    // D-B3: opened at the first instant after the period.
    dispute("D-B3", "s-alpha", "NOT_RECEIVED", "AWAITING_SELLER", "2026-04-01T00:00:00Z")
        .awaiting("SELLER", "2026-04-16T00:00:00Z", false).write();

    // D-B4: first answered in February, answered again in March (not a first answer), waiting
    // for the buyer past the due date.
    dispute("D-B4", "s-echo", "QUALITY_PROBLEM", "AWAITING_BUYER", "2026-02-20T00:00:00Z")
        .awaiting("BUYER", "2026-03-09T00:00:00Z", false).write();
    event("D-B4", "SELLER_REJECTED", "2026-02-21T00:00:00Z");
    event("D-B4", "SELLER_REJECTED", "2026-03-02T00:00:00Z");

    // D-C1: just opened, no task yet.
    dispute("D-C1", "s-delta", "DAMAGED", "OPEN", "2026-04-01T12:00:00Z").write();

    orders("s-alpha", 10, "2026-03-01T00:00:00Z");
    orders("s-alpha", 5, "2026-02-27T00:00:00Z");
    orders("s-alpha", 1, "2026-04-01T00:00:00Z");
    orders("s-bravo", 40, "2026-03-04T00:00:00Z");
    orders("s-charlie", 5, "2026-03-05T00:00:00Z");
    orders("s-delta", 20, "2026-03-31T23:00:00Z");
  }

  private DisputeRow dispute(String id, String seller, String reason, String status,
      String openedAt) {
    return new DisputeRow(id, seller, reason, status, openedAt);
  }

  private final class DisputeRow {
    private final String id;
    private final String seller;
    private final String reason;
    private final String status;
    private final String openedAt;
    private String escalatedAt;
    private String escalationReason;
    private String decidedAt;
    private String decision;
    private String closedAt;
    private String closureReason;
    private String awaiting;
    private String dueAt;
    private boolean overdue;

    DisputeRow(String id, String seller, String reason, String status, String openedAt) {
      this.id = id;
      this.seller = seller;
      this.reason = reason;
      this.status = status;
      this.openedAt = openedAt;
    }

    DisputeRow escalated(String at, String why) {
      escalatedAt = at;
      escalationReason = why;
      return this;
    }

    DisputeRow decided(String at, String what) {
      decidedAt = at;
      decision = what;
      return this;
    }

    DisputeRow closed(String at, String why) {
      closedAt = at;
      closureReason = why;
      return this;
    }

    DisputeRow awaiting(String party, String due, boolean flagged) {
      awaiting = party;
      dueAt = due;
      overdue = flagged;
      return this;
    }

    public void write() {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("dispute_id", id);
      row.put("order_id", "O-" + id);
      row.put("buyer_id", "b-one");
      row.put("seller_id", seller);
      row.put("status", status);
      row.put("reason", reason);
      row.put("item_received", false);
      row.put("description", "Seeded for the analytics test.");
      row.put("requested_resolution", "FULL_REFUND");
      row.put("order_amount", new BigDecimal("100.00"));
      row.put("currency", "USD");
      row.put("awaiting", awaiting);
      row.put("due_at", at(dueAt));
      row.put("overdue", overdue);
      row.put("escalation_reason", escalationReason);
      row.put("decision", decision);
      row.put("closure_reason", closureReason);
      row.put("opened_at", at(openedAt));
      row.put("escalated_at", at(escalatedAt));
      row.put("decided_at", at(decidedAt));
      row.put("closed_at", at(closedAt));
      writer.dispute(row);
    }
  }

  /** Through the service's own timeline, which also keeps the milestones on the row. */
  private void event(String disputeId, String type, String at) {
    writer.event(TimelineEvent.by(disputeId, "seed", ActorRole.SYSTEM, EventKind.valueOf(type))
        .at(Instant.parse(at)));
  }

  /** The policy rules a decision applied, as DecideDispute or ReviewAppeal record them. */
  private void rules(String decisionId, String disputeId, String decision, String at,
      String... ruleIds) {
    for (String rule : ruleIds) {
      jdbc.sql("""
          insert into decision_rule (decision_id, dispute_id, rule_id, decision, decided_at)
          values (?, ?, ?, ?, ?)""")
          .params(decisionId, disputeId, rule, decision, at(at)).update();
    }
  }

  private void refund(String disputeId, String amount, String currency, String at) {
    String refundId = "R-" + refunds.incrementAndGet();
    writer.refund(refundId, disputeId, refundId, new BigDecimal(amount), currency,
        Instant.parse(at), LocalDate.parse(at.substring(0, 10)).plusDays(14));
  }

  private void orders(String seller, int count, String shippedAt) {
    for (int i = 0; i < count; i++) {
      writer.order(order(seller + "-" + shippedAt.substring(0, 10) + "-" + i, seller,
          at(shippedAt)));
    }
  }

  /** An order of 10.00 USD bought by b-one from {@code seller}, shipped at {@code shipped}. */
  static Map<String, Object> order(String id, String seller, OffsetDateTime shipped) {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("order_id", id);
    order.put("buyer_id", "b-one");
    order.put("seller_id", seller);
    order.put("title", "Seeded order");
    order.put("amount", new BigDecimal("10.00"));
    order.put("currency", "USD");
    order.put("item_type", "PHYSICAL");
    order.put("shipped_at", shipped);
    order.put("protection_ends_at", shipped.plusDays(60));
    order.put("updated_at", shipped);
    return order;
  }

  private static OffsetDateTime at(String instant) {
    return instant == null ? null : Instant.parse(instant).atOffset(ZoneOffset.UTC);
  }
}
