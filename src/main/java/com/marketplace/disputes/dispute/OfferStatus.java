package com.marketplace.disputes.dispute;

/** What became of a seller's offer (column {@code dispute_offer.status}, the name). */
public enum OfferStatus {
  /** Waiting for the buyer's answer. */
  PROPOSED,
  /** Accepted by the buyer, or taken as accepted when the buyer did not answer in time. */
  ACCEPTED,
  /** The buyer escalated, revised the claim or cancelled instead. */
  DECLINED
}
