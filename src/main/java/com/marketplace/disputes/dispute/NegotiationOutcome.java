package com.marketplace.disputes.dispute;

/**
 * How the negotiation between buyer and seller ended (variable {@code negotiationOutcome}, the
 * name): the gateway after the negotiation routes on it.
 */
public enum NegotiationOutcome {
  AGREEMENT, ESCALATED, CANCELLED, BUYER_NO_RESPONSE
}
