package com.marketplace.disputes.timeline;

/**
 * What a timeline entry records (column {@code event_type}, stored by name). The analytics
 * dashboard, the API and the tests read these names.
 */
public enum EventKind {
  // Contact before the dispute, kept at the time it happened.
  PRIOR_CONTACT,
  // Registration.
  REQUESTED, INELIGIBLE, OPENED, CLAIM_REVISED, CLAIM_MODIFIED,
  // The seller's answer.
  SELLER_ACCEPTED(Milestone.SELLER_ANSWERED),
  COUNTER_OFFERED(Milestone.SELLER_ANSWERED),
  SELLER_REJECTED(Milestone.SELLER_ANSWERED),
  // The buyer's answer (BUYER_ and the buyerDecision).
  BUYER_ACCEPT_OFFER, BUYER_ESCALATE, BUYER_REVISE_CLAIM, BUYER_CANCEL,
  AGREED, BUYER_NO_RESPONSE, CANCELLED,
  // Mediation.
  ESCALATED, MEDIATION_SLA_BREACHED(Milestone.MEDIATION_SLA_BREACHED), EVIDENCE_REQUESTED,
  EVIDENCE_PROVIDED, EVIDENCE_NOT_PROVIDED, EVIDENCE_ADDED, DECIDED,
  // A party's own words when asking the platform to decide.
  ESCALATION_REQUESTED,
  // Carrying it out.
  RETURN_SHIPPED, RETURN_RECEIVED, RETURN_TAKEN_AS_RECEIVED, CLAIM_LAPSED, REFUND_ISSUED, CLOSED,
  // Appeal.
  APPEAL_FILED, APPEAL_SLA_BREACHED, APPEAL_OVERTURNED, APPEAL_UPHELD,
  // The conversation inside the dispute: one entry per message, its text in the detail.
  MESSAGE;

  private final Milestone milestone;

  EventKind() {
    this(null);
  }

  EventKind(Milestone milestone) {
    this.milestone = milestone;
  }

  /** The milestone an entry of this kind reaches, or null: see {@link Milestone}. */
  public Milestone milestone() {
    return milestone;
  }

  /** The buyer's answer to the seller's response, by its buyerDecision code. */
  public static EventKind buyerDecided(String buyerDecision) {
    return valueOf("BUYER_" + buyerDecision);
  }
}
