package com.marketplace.disputes.dispute;

import com.marketplace.disputes.kernel.Money;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The one typed accessor for the dispute's process variables. Variable names are the contract's
 * (CONTRACT.md), so they are constants here and nowhere else.
 *
 * <p>It reads the answers a step was given. The parties, the order, its amount and the outcome
 * to carry out are read from the records ({@link DisputeFacts}), which also writes their
 * variables.
 */
public final class DisputeVariables {

  public static final String DISPUTE_ID = "disputeId";
  public static final String ORDER_ID = "orderId";
  public static final String BUYER_ID = "buyerId";
  public static final String SELLER_ID = "sellerId";
  public static final String ORDER_AMOUNT = "orderAmount";
  public static final String CURRENCY = "currency";
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
  public static final String RESOLUTION = "resolution";
  public static final String REFUND_AMOUNT = "refundAmount";
  public static final String REFUND_ID = "refundId";
  public static final String REFUND_EXPECTED_BY = "refundExpectedBy";
  public static final String RETURN_TRACKING_NUMBER = "returnTrackingNumber";

  // sellerContact: the conversation before a dispute.
  public static final String CONTACT_ID = "contactId";
  public static final String BUYER_MESSAGE = "buyerMessage";
  public static final String SELLER_MESSAGE = "sellerMessage";
  public static final String SELLER_REPLIED = "sellerReplied";
  public static final String ISSUE_RESOLVED = "issueResolved";
  public static final String OPEN_DISPUTE = "openDispute";
  public static final String DISPUTE_ELIGIBLE = "disputeEligible";
  public static final String CONTACT_OUTCOME = "contactOutcome";
  /** Transient: who posted a ContactMessagePosted message, and its text. */
  public static final String POSTED_BY = "postedBy";
  public static final String POSTED_MESSAGE = "postedMessage";

  // appealTicket: the appeal of a closed dispute.
  public static final String APPEAL_ID = "appealId";
  public static final String APPELLANT_ID = "appellantId";
  public static final String APPEAL_STATEMENT = "appealStatement";
  public static final String APPEAL_REJECTED_REASON = "appealRejectedReason";
  public static final String APPEAL_DECISION = "appealDecision";
  public static final String APPEAL_RATIONALE = "appealRationale";
  public static final String APPEAL_OVERDUE = "appealOverdue";
  public static final String REVIEWED_BY = "reviewedBy";
  /** The outcome the appealed dispute closed with, before the appeal. */
  public static final String DISPUTE_RESOLUTION = "disputeResolution";
  public static final String DISPUTE_REFUND_AMOUNT = "disputeRefundAmount";
  public static final String CARRY_OUT_RESOLUTION = "carryOutResolution";

  private final VariableScope scope;

  private DisputeVariables(VariableScope scope) {
    this.scope = scope;
  }

  public static DisputeVariables of(VariableScope scope) {
    return new DisputeVariables(scope);
  }

  public String string(String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  public Boolean bool(String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Boolean b) {
      return b;
    }
    return value == null ? null : Boolean.valueOf(value.toString());
  }

  public BigDecimal money(String name) {
    return Money.parse(scope.getVariable(name));
  }

  public void set(String name, Object value) {
    scope.setVariable(name, value);
  }
}
