package com.marketplace.disputes.contact;

/**
 * Where a seller contact stands (column {@code contact.status}, the name). The first two are
 * open; the others say how it ended, and the last two are also its outcome variable.
 */
public enum ContactStatus {
  AWAITING_SELLER, AWAITING_BUYER, RESOLVED, UNRESOLVED,
  /** Closed because the buyer neither confirmed nor opened a dispute in time. */
  BUYER_SILENT,
  DISPUTE_OPENED, DISPUTE_REFUSED
}
