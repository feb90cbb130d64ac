package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeVariables.ESCALATION_REASON;
import static com.marketplace.disputes.dispute.DisputeVariables.NEGOTIATION_OUTCOME;
import static com.marketplace.disputes.dispute.DisputeVariables.OFFER_AMOUNT;
import static com.marketplace.disputes.dispute.DisputeVariables.OFFER_RESOLUTION;
import static com.marketplace.disputes.dispute.DisputeVariables.REQUESTED_AMOUNT;
import static com.marketplace.disputes.dispute.DisputeVariables.REQUESTED_BY;
import static com.marketplace.disputes.dispute.DisputeVariables.REQUESTED_RESOLUTION;
import static com.marketplace.disputes.dispute.DisputeVariables.SELLER_RESPONSE;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * How the buyer-and-seller phase ends. Each method is one ending of the Negotiation subprocess
 * (called from the model as {@code ${negotiation.…(execution)}}); it records the outcome the
 * gateway after the subprocess routes on, and what is to be carried out.
 */
@Component("negotiation")
public class Negotiation {

  public static final String AGREEMENT = "AGREEMENT";
  public static final String ESCALATED = "ESCALATED";
  public static final String CANCELLED = "CANCELLED";
  public static final String BUYER_NO_RESPONSE = "BUYER_NO_RESPONSE";

  private final DisputeRecords records;
  private final Requester requester;

  public Negotiation(DisputeRecords records, Requester requester) {
    this.records = records;
    this.requester = requester;
  }

  /** The seller accepted the claim as the buyer made it. */
  public void settleOnClaim(DelegateExecution execution) {
    DisputeVariables vars = DisputeVariables.of(execution);
    String resolution = vars.string(REQUESTED_RESOLUTION);
    vars.settle(resolution, refundFor(resolution, vars.money(REQUESTED_AMOUNT), vars));
    vars.set(NEGOTIATION_OUTCOME, AGREEMENT);
    records.event(vars.disputeId(), vars.sellerId(), "SELLER", "AGREED", "Seller accepted the claim",
        resolution, vars.refundAmount());
  }

  /** The buyer accepted the seller's counter offer. */
  public void settleOnOffer(DelegateExecution execution) {
    DisputeVariables vars = DisputeVariables.of(execution);
    settleOffer(vars);
    vars.set(NEGOTIATION_OUTCOME, AGREEMENT);
    records.answerOffer(vars.disputeId(), "ACCEPTED");
    records.event(vars.disputeId(), vars.buyerId(), "BUYER", "AGREED",
        "Buyer accepted the seller's offer", vars.resolution(), vars.refundAmount());
  }

  /**
   * The buyer did not answer in time. A counter offer is then taken as accepted; after a
   * rejection nothing is carried out.
   */
  public void settleOnBuyerSilence(DelegateExecution execution) {
    DisputeVariables vars = DisputeVariables.of(execution);
    if ("COUNTER_OFFER".equals(vars.string(SELLER_RESPONSE))) {
      settleOffer(vars);
      records.answerOffer(vars.disputeId(), "ACCEPTED");
    } else {
      vars.settle("NONE", BigDecimal.ZERO);
    }
    vars.set(NEGOTIATION_OUTCOME, BUYER_NO_RESPONSE);
    records.event(vars.disputeId(), "system", "SYSTEM", "BUYER_NO_RESPONSE",
        "The buyer did not answer the seller's response in time", vars.resolution(),
        vars.refundAmount());
  }

  /** The dispute goes to the platform; {@code reason} is the contract's escalationReason. */
  public void escalated(DelegateExecution execution, String reason) {
    DisputeVariables vars = DisputeVariables.of(execution);
    vars.set(NEGOTIATION_OUTCOME, ESCALATED);
    vars.set(ESCALATION_REASON, reason);
    records.answerOffer(vars.disputeId(), "DECLINED");
  }

  /** A party asked for escalation by message: who asked decides the reason. */
  public void escalationRequested(DelegateExecution execution) {
    DisputeVariables vars = DisputeVariables.of(execution);
    String requestedBy = vars.string(REQUESTED_BY);
    String user = requester.userId();
    boolean seller = "SELLER".equals(requestedBy)
        || requestedBy == null && user != null && user.equals(vars.sellerId());
    escalated(execution, seller ? "SELLER_REQUESTED" : "BUYER_REQUESTED");
  }

  /** The buyer cancelled: final, and the order can never get another dispute. */
  public void cancelled(DelegateExecution execution) {
    DisputeVariables vars = DisputeVariables.of(execution);
    vars.set(NEGOTIATION_OUTCOME, CANCELLED);
    vars.settle("NONE", BigDecimal.ZERO);
    records.answerOffer(vars.disputeId(), "DECLINED");
    records.event(vars.disputeId(), vars.buyerId(), "BUYER", "CANCELLED",
        "The buyer cancelled the dispute", null, null);
  }

  private void settleOffer(DisputeVariables vars) {
    String resolution = vars.string(OFFER_RESOLUTION);
    vars.settle(resolution, refundFor(resolution, vars.money(OFFER_AMOUNT), vars));
  }

  /** What a resolution refunds: the order amount, the agreed part, or nothing. */
  public static BigDecimal refundFor(String resolution, BigDecimal partialAmount,
      DisputeVariables vars) {
    return switch (resolution) {
      case "FULL_REFUND", "RETURN_AND_REFUND" -> vars.orderAmount();
      case "PARTIAL_REFUND" -> partialAmount;
      default -> BigDecimal.ZERO;
    };
  }
}
