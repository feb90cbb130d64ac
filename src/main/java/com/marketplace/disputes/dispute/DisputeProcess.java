package com.marketplace.disputes.dispute;

/**
 * The names of {@code disputeMediation} the code needs: its key, the elements code finds by id,
 * its messages and its variables. They are the contract's names (docs and the BPMN file), kept
 * here once; the models use the same strings.
 */
public final class DisputeProcess {

  public static final String KEY = "disputeMediation";

  // Elements the code acts on by id.
  public static final String REGISTER_DISPUTE = "RegisterDispute";
  public static final String OPEN_DISPUTE = "OpenDispute";
  public static final String RESPOND_TO_DISPUTE = "RespondToDispute";
  public static final String SELLER_RESPONSE_REMINDER = "SellerResponseReminder";
  public static final String SELLER_RESPONSE_DEADLINE = "SellerResponseDeadline";
  public static final String REVIEW_SELLER_RESPONSE = "ReviewSellerResponse";
  public static final String BUYER_RESPONSE_DEADLINE = "BuyerResponseDeadline";
  public static final String ESCALATE_TO_PLATFORM = "EscalateToPlatform";
  public static final String DECIDE_DISPUTE = "DecideDispute";
  public static final String PROVIDE_EVIDENCE = "ProvideEvidence";
  public static final String EVIDENCE_DEADLINE = "EvidenceDeadline";
  public static final String RECORD_DECISION = "RecordDecision";
  public static final String CLOSE_DISPUTE = "CloseDispute";

  // Messages, correlated by business key (the dispute id).
  public static final String ESCALATION_REQUESTED_MESSAGE = "DisputeEscalationRequested";
  public static final String MODIFIED_MESSAGE = "DisputeModified";
  public static final String CANCELLED_MESSAGE = "DisputeCancelled";

  // Variables. The first eight are the case's: the other processes carry them under these names.
  public static final String DISPUTE_ID = "disputeId";
  public static final String ORDER_ID = "orderId";
  public static final String BUYER_ID = "buyerId";
  public static final String SELLER_ID = "sellerId";
  public static final String ORDER_AMOUNT = "orderAmount";
  public static final String CURRENCY = "currency";
  public static final String RESOLUTION = "resolution";
  public static final String REFUND_AMOUNT = "refundAmount";

  public static final String REASON = "reason";
  public static final String ITEM_RECEIVED = "itemReceived";
  public static final String PROBLEM_DETAIL = "problemDetail";
  public static final String DESCRIPTION = "description";
  public static final String REQUESTED_RESOLUTION = "requestedResolution";
  public static final String REQUESTED_AMOUNT = "requestedAmount";
  public static final String ELIGIBLE = "eligible";
  public static final String INELIGIBILITY_REASON = "ineligibilityReason";
  public static final String SELLER_RESPONSE = "sellerResponse";
  public static final String OFFER_RESOLUTION = "offerResolution";
  public static final String OFFER_AMOUNT = "offerAmount";
  public static final String SELLER_COMMENT = "sellerComment";
  public static final String BUYER_DECISION = "buyerDecision";
  public static final String NEGOTIATION_OUTCOME = "negotiationOutcome";
  public static final String REQUESTED_BY = "requestedBy";
  public static final String ESCALATION_REASON = "escalationReason";
  /** Why the party asked (an EscalationRequestReason) and what they added, when they said so. */
  public static final String ESCALATION_REQUEST_REASON = "escalationRequestReason";
  public static final String ESCALATION_COMMENT = "escalationComment";
  public static final String PLATFORM_DECISION = "platformDecision";
  public static final String DECISION_AMOUNT = "decisionAmount";
  public static final String DECISION_RATIONALE = "decisionRationale";
  public static final String DECIDED_BY = "decidedBy";
  public static final String EVIDENCE_REQUESTED_FROM = "evidenceRequestedFrom";
  public static final String EVIDENCE_REQUEST = "evidenceRequest";
  public static final String EVIDENCE_PARTY = "evidenceParty";
  public static final String EVIDENCE_NOTE = "evidenceNote";
  public static final String MEDIATION_OVERDUE = "mediationOverdue";
  public static final String CLOSURE_REASON = "closureReason";

  // Inputs of the decision disputeEligibility, set transiently by RegisterDispute.
  public static final String ORDER_FOUND = "orderFound";
  public static final String ORDER_BUYER = "orderBuyer";
  public static final String EXISTING_DISPUTE = "existingDispute";
  public static final String ITEM_TYPE = "itemType";
  public static final String DAYS_SINCE_SHIPPED = "daysSinceShipped";
  public static final String ESTIMATED_DELIVERY_PASSED = "estimatedDeliveryPassed";
  public static final String PROTECTION_DAYS_LEFT = "protectionDaysLeft";
  public static final String MIN_DAYS_SINCE_SHIPPING = "minDaysSinceShipping";
  public static final String MIN_PROTECTION_DAYS_LEFT = "minProtectionDaysLeft";

  private DisputeProcess() {}
}
