package com.marketplace.disputes.dispute;

/**
 * Why a party asks the platform to decide early (variable {@code escalationRequestReason}): the
 * reasons the policy names. The contract's {@code escalationReason} still says who asked.
 */
public enum EscalationRequestReason {
  SELLER_UNRESPONSIVE, UNFAIR_REJECTION, UNREASONABLE_OFFER, STUCK
}
