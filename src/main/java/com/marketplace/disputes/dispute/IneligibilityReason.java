package com.marketplace.disputes.dispute;

/** Why a dispute may not be opened: the answers of the decision {@code disputeEligibility} (variable {@code ineligibilityReason}). */
public enum IneligibilityReason {
  DIGITAL_ITEM, CUSTOM_ORDER, TOO_EARLY, PROTECTION_ENDING, DISPUTE_EXISTS, NOT_ORDER_BUYER, ORDER_NOT_FOUND
}
