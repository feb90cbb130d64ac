package com.marketplace.disputes.dispute;

/** How a dispute ended (variable {@code closureReason}). */
public enum ClosureReason {
  INELIGIBLE, CANCELLED_BY_BUYER, AGREEMENT, PLATFORM_DECISION, BUYER_NO_RESPONSE;

  /** Whether a dispute that ended so may be appealed: cancelled and ineligible ones may not. */
  public boolean appealable() {
    return this != INELIGIBLE && this != CANCELLED_BY_BUYER;
  }

  /** Whether the recorded code {@code closureReason} may be appealed. */
  public static boolean appealable(String closureReason) {
    return closureReason != null && valueOf(closureReason).appealable();
  }
}
