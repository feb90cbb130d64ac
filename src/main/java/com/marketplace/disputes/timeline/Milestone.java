package com.marketplace.disputes.timeline;

/**
 * The analytics rule of the timeline: moments that figures need for every dispute are kept on the
 * dispute's row as well (the earliest entry that reaches them), written in the same transaction
 * as the entry, so analytics reads one row per dispute instead of searching every timeline.
 */
public enum Milestone {
  /** The seller's first answer to the claim: accepted, a counter offer, or rejected. */
  SELLER_ANSWERED("seller_answered_at"),
  /** The first time the mediation SLA ran out. */
  MEDIATION_SLA_BREACHED("mediation_sla_breached_at");

  /** The dispute's column that holds the milestone. */
  public final String column;

  Milestone(String column) {
    this.column = column;
  }
}
