package com.marketplace.disputes.analytics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The figures analysts read, each with the exact definition the dashboard shows behind its info
 * button and the API returns with the numbers, so there is one wording of what a number means.
 */
public enum Figure {

  OPENED_PER_DAY("opened-per-day", "Disputes opened per day, by reason",
      """
      Disputes opened on each UTC day of the period, by the claim's reason. A dispute counts on the \
      day it was opened (dispute.opened_at). Requests refused as ineligible never became disputes \
      and are left out. The reason is the claim's current one: a buyer who revises the claim may \
      change it. Days without disputes have no row. \
      Days are UTC days; the period includes its from day and its to day.""",
      "day", "reason", "disputes"),

  OPEN_BY_STATUS("open-by-status", "Open disputes now, by status and whose move it is",
      """
      Disputes open right now, whatever the period: not closed and not refused. status is the \
      dispute's current step; awaiting is whose move it is (BUYER, SELLER or PLATFORM; NONE \
      before the first task opens). overdue counts those whose current step is past its due date \
      (dispute.due_at before now, for example a mediation past its SLA) or that are flagged \
      overdue. Refreshed at most every few seconds.""",
      "status", "awaiting", "disputes", "overdue"),

  OUTCOMES("outcomes", "Where the disputes opened in the period stand",
      """
      Every dispute opened in the period, counted once by where it stands now. AGREEMENT: closed \
      because the seller accepted the claim or the buyer accepted the seller's offer. \
      BUYER_NO_RESPONSE: closed because the buyer did not answer the seller in time. \
      CANCELLED_BY_BUYER: cancelled by the buyer. DECIDED: escalated and decided by a mediator \
      (closed, or its refund or return still under way). AWAITING_DECISION: escalated, not decided \
      yet. OPEN: still between buyer and seller, or an agreed return still under way. \
      share = disputes / all disputes opened in the period. Escalated = AWAITING_DECISION + DECIDED. \
      Shares and rates are decimals from 0 to 1, empty when there is nothing to divide by. \
      Days are UTC days; the period includes its from day and its to day.""",
      "outcome", "disputes", "share"),

  ESCALATIONS("escalations", "Escalations: seller silence vs requested",
      """
      Disputes escalated to the platform in the period (dispute.escalated_at), by escalation reason. \
      SELLER_NO_RESPONSE is automatic: the seller let the response deadline (15 days by default) \
      pass. BUYER_REQUESTED and SELLER_REQUESTED were asked for by that party. kind is AUTOMATIC or \
      REQUESTED. share = escalations with this reason / all escalations in the period. \
      Shares and rates are decimals from 0 to 1, empty when there is nothing to divide by. \
      Days are UTC days; the period includes its from day and its to day.""",
      "reason", "kind", "disputes", "share"),

  DURATIONS("durations", "Time to seller response, to resolution, in mediation",
      """
      Median and 90th percentile in hours, interpolated between neighbouring values (as SQL \
      percentile_cont). Durations are kept in buckets 2 % wide with the shortest and longest of \
      each: a value is exact while its bucket holds one or two durations and within 2 % when it \
      holds more. Each duration counts in the period in which it ends. SELLER_RESPONSE: from \
      opening to the seller's first answer (accept, counter offer or reject: timeline events \
      SELLER_ACCEPTED, COUNTER_OFFERED, SELLER_REJECTED) for first answers given in the period; \
      sellers who never answered are not in it (see escalations). RESOLUTION: from opening to \
      closure for disputes closed in the period, whatever the closure (refused requests excluded); \
      a dispute closes after its refund or return is carried out. MEDIATION: from escalation to \
      the mediator's final decision for decisions made in the period, evidence requests included. \
      disputes = how many durations; the hours are empty when there are none. \
      Days are UTC days; the period includes its from day and its to day.""",
      "measure", "disputes", "medianHours", "p90Hours"),

  MEDIATION_SLA("mediation-sla", "Mediation SLA breaches",
      """
      decided: final decisions made in the period. decidedAfterBreach: of those, the disputes whose \
      mediation SLA (2 days per mediation round by default) ran out before the decision, that is, \
      with a MEDIATION_SLA_BREACHED timeline event. breachShare = decidedAfterBreach / decided. \
      breaches: MEDIATION_SLA_BREACHED events in the period (a dispute may breach once per round). \
      overdueNow: disputes waiting for a mediator's decision right now whose SLA has run out. \
      Shares and rates are decimals from 0 to 1, empty when there is nothing to divide by. \
      Days are UTC days; the period includes its from day and its to day.""",
      "decided", "decidedAfterBreach", "breachShare", "breaches", "overdueNow"),

  DECISIONS("decisions", "Decision outcomes",
      """
      Final platform decisions made in the period (dispute.decided_at; a request for evidence is \
      not a decision), by decision. BUYER_WON: FULL_REFUND or RETURN_AND_REFUND. PARTIAL: \
      PARTIAL_REFUND. SELLER_WON: REJECT_CLAIM. share = decisions of this kind / all decisions in \
      the period. Appeals do not change these rows (see appeals). \
      Shares and rates are decimals from 0 to 1, empty when there is nothing to divide by. \
      Days are UTC days; the period includes its from day and its to day.""",
      "outcome", "decision", "disputes", "share"),

  REFUNDS("refunds", "Refunds paid",
      """
      Refunds paid in the period (refund.requested_at), per currency. refunds: payments made; \
      disputes: the disputes they were for; total: the sum paid. A dispute has one refund, unless \
      an overturned appeal raised it (then a second payment for the difference). \
      Days are UTC days; the period includes its from day and its to day.""",
      "currency", "refunds", "disputes", "total"),

  APPEALS("appeals", "Appeal rate and overturn rate",
      """
      closedAppealable: disputes closed in the period that may be appealed (closure AGREEMENT, \
      PLATFORM_DECISION or BUYER_NO_RESPONSE; cancelled and refused ones may not). appealed: of \
      those, the disputes with an APPEAL_FILED timeline event so far; closures near the end of the \
      period may still be appealed (30-day window). appealRate = appealed / closedAppealable. \
      appealDecisions: appeals decided in the period (APPEAL_UPHELD or APPEAL_OVERTURNED events). \
      overturned: APPEAL_OVERTURNED events in the period. overturnRate = overturned / \
      appealDecisions. \
      Shares and rates are decimals from 0 to 1, empty when there is nothing to divide by. \
      Days are UTC days; the period includes its from day and its to day.""",
      "closedAppealable", "appealed", "appealRate", "appealDecisions", "overturned",
      "overturnRate"),

  DECISIONS_BY_RULE("decisions-by-rule", "Decisions and overturns by policy rule",
      """
      One row per rule of the policy catalogue (policy/rules.yaml), in its order; a rule no longer \
      in it but named by a decision comes after. decisions: final platform decisions made in the \
      period (decided_at) that applied the rule; a decision applying two rules counts for each. \
      overturned: of those decisions, the ones overturned on appeal so far (an APPEAL_OVERTURNED \
      timeline event on the dispute, whenever it happened). overturnRate = overturned / \
      decisions. appealDecisions: appeals decided in the period whose review applied the rule, \
      upheld or overturned; appealOverturns: of those, the overturns. \
      Shares and rates are decimals from 0 to 1, empty when there is nothing to divide by. \
      Days are UTC days; the period includes its from day and its to day.""",
      "rule", "decisions", "overturned", "overturnRate", "appealDecisions", "appealOverturns"),

  TOP_SELLERS("top-sellers", "Sellers with the highest dispute rate",
      """
      disputes: disputes opened in the period against the seller. orders: the seller's orders \
      shipped in the period (market_order.shipped_at). disputeRate = disputes / orders; it can \
      exceed 1 when disputes concern orders shipped before the period. Only sellers with at least \
      minOrders orders in the period are ranked (default 10), highest rate first, then most \
      disputes; the first limit sellers are listed (default 10). \
      Shares and rates are decimals from 0 to 1, empty when there is nothing to divide by. \
      Days are UTC days; the period includes its from day and its to day.""",
      "rank", "sellerId", "orders", "disputes", "disputeRate");

  private final String id;
  private final String title;
  private final String definition;
  private final List<String> columns;

  Figure(String id, String title, String definition, String... columns) {
    this.id = id;
    this.title = title;
    this.definition = definition;
    this.columns = List.of(columns);
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String definition() {
    return definition;
  }

  public List<String> columns() {
    return columns;
  }

  public static Optional<Figure> byId(String id) {
    return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
  }
}
