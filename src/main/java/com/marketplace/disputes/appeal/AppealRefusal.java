package com.marketplace.disputes.appeal;

/** Why an appeal is refused at once (variable {@code appealRejectedReason}). */
public enum AppealRefusal {
  DISPUTE_NOT_CLOSED, NOT_APPEALABLE, APPEAL_WINDOW_EXPIRED, ALREADY_APPEALED, NOT_A_PARTY
}
