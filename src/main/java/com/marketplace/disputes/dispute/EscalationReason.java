package com.marketplace.disputes.dispute;

/** Why a dispute went to the platform (variable {@code escalationReason}). */
public enum EscalationReason {
  SELLER_NO_RESPONSE, BUYER_REQUESTED, SELLER_REQUESTED
}
