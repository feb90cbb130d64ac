package com.marketplace.disputes.dispute;

/** The seller's answer to the claim (variable {@code sellerResponse}). */
public enum SellerResponse {
  ACCEPT, COUNTER_OFFER, REJECT
}
