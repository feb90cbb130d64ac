package com.marketplace.disputes.notification;

/**
 * A process variable a notice may show, and how to write it. Facts without a value are left out
 * of the mail. Labels are {@code fact.<variable>} in the message bundle, codes
 * {@code code.<variable>.<VALUE>}.
 */
enum Fact {
  REASON("reason", Kind.CODE),
  DESCRIPTION("description", Kind.TEXT),
  REQUESTED_RESOLUTION("requestedResolution", Kind.CODE),
  REQUESTED_AMOUNT("requestedAmount", Kind.AMOUNT),
  SELLER_RESPONSE("sellerResponse", Kind.CODE),
  OFFER_RESOLUTION("offerResolution", Kind.CODE),
  OFFER_AMOUNT("offerAmount", Kind.AMOUNT),
  SELLER_COMMENT("sellerComment", Kind.TEXT),
  ESCALATION_REASON("escalationReason", Kind.CODE),
  EVIDENCE_REQUEST("evidenceRequest", Kind.TEXT),
  PLATFORM_DECISION("platformDecision", Kind.CODE),
  DECISION_RATIONALE("decisionRationale", Kind.TEXT),
  RESOLUTION("resolution", Kind.CODE),
  REFUND_AMOUNT("refundAmount", Kind.AMOUNT),
  REFUND_ID("refundId", Kind.TEXT),
  REFUND_EXPECTED_BY("refundExpectedBy", Kind.DATE),
  CLOSURE_REASON("closureReason", Kind.CODE),
  BUYER_MESSAGE("buyerMessage", Kind.TEXT),
  SELLER_MESSAGE("sellerMessage", Kind.TEXT),
  APPEAL_STATEMENT("appealStatement", Kind.TEXT),
  APPEAL_DECISION("appealDecision", Kind.CODE),
  APPEAL_RATIONALE("appealRationale", Kind.TEXT);

  enum Kind { TEXT, CODE, AMOUNT, DATE }

  final String variable;
  final Kind kind;

  Fact(String variable, Kind kind) {
    this.variable = variable;
    this.kind = kind;
  }
}
