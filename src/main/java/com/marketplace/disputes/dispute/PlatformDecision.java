package com.marketplace.disputes.dispute;

/** The mediator's decision (variable {@code platformDecision}). */
public enum PlatformDecision {
  FULL_REFUND, PARTIAL_REFUND, RETURN_AND_REFUND, REJECT_CLAIM, REQUEST_EVIDENCE;

  /** What the decision carries out; null for a request for evidence, which decides nothing. */
  public Resolution resolution() {
    return switch (this) {
      case FULL_REFUND -> Resolution.FULL_REFUND;
      case PARTIAL_REFUND -> Resolution.PARTIAL_REFUND;
      case RETURN_AND_REFUND -> Resolution.RETURN_AND_REFUND;
      case REJECT_CLAIM -> Resolution.NONE;
      case REQUEST_EVIDENCE -> null;
    };
  }
}
