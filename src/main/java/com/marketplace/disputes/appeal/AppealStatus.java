package com.marketplace.disputes.appeal;

/** Where an appeal stands (column {@code appeal.status}, the name). */
public enum AppealStatus {
  /** Refused on its request; never reviewed. */
  REFUSED,
  IN_REVIEW,
  /** Reviewed; what the decision carries out is still under way. */
  DECIDED,
  CLOSED
}
