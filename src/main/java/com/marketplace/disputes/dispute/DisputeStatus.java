package com.marketplace.disputes.dispute;

/**
 * Where a dispute stands (column {@code dispute.status}, which stores the name): REQUESTED until
 * eligibility is decided, then OPEN or INELIGIBLE; each step that waits for someone sets its own
 * ({@link TaskDeadlineListener}); CLOSED when it ends, and again after an appeal.
 */
public enum DisputeStatus {
  REQUESTED, OPEN, AWAITING_SELLER, AWAITING_BUYER, IN_MEDIATION, EVIDENCE_REQUESTED,
  RETURN_PENDING, RETURN_IN_TRANSIT, IN_APPEAL, INELIGIBLE, CLOSED
}
