package com.marketplace.disputes.dispute;

/** The buyer's answer to the seller (variable {@code buyerDecision}). */
public enum BuyerDecision {
  ACCEPT_OFFER, ESCALATE, REVISE_CLAIM, CANCEL
}
