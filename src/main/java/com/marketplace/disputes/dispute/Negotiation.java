package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeProcess.ESCALATION_COMMENT;
import static com.marketplace.disputes.dispute.DisputeProcess.ESCALATION_REASON;
import static com.marketplace.disputes.dispute.DisputeProcess.ESCALATION_REQUEST_REASON;
import static com.marketplace.disputes.dispute.DisputeProcess.NEGOTIATION_OUTCOME;
import static com.marketplace.disputes.dispute.DisputeProcess.REQUESTED_BY;

import com.marketplace.disputes.config.DisputePolicy;
import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import com.marketplace.disputes.dispute.DisputeRecords.OfferEntry;
import com.marketplace.disputes.kernel.Party;
import com.marketplace.disputes.kernel.ProcessVariables;
import com.marketplace.disputes.kernel.Requester;
import com.marketplace.disputes.timeline.ActorRole;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import java.math.BigDecimal;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * How the buyer-and-seller phase ends. Each method is one ending of the Negotiation subprocess
 * (called from the model as {@code ${negotiation.…(execution)}}); it records the outcome the
 * gateway after the subprocess routes on, and what is to be carried out.
 *
 * <p>What is carried out is recorded on the dispute's row in this same transaction, from the
 * rows: the claim as the dispute records it when the seller accepts, the open offer row when the
 * buyer accepts it or lets the deadline pass. The variables {@code resolution} and
 * {@code refundAmount} are written from that record.
 */
@Component("negotiation")
public class Negotiation {

  private final DisputeRecords records;
  private final DisputeFacts facts;
  private final Requester requester;
  private final Timeline timeline;
  private final DisputePolicy policy;

  public Negotiation(DisputeRecords records, DisputeFacts facts, Requester requester,
      Timeline timeline, DisputePolicy policy) {
    this.records = records;
    this.facts = facts;
    this.requester = requester;
    this.timeline = timeline;
    this.policy = policy;
  }

  /** The seller accepted the claim as the buyer made it. */
  public void settleOnClaim(DelegateExecution execution) {
    Case dispute = facts.of(execution);
    DisputeRecord claim = facts.dispute(dispute);
    String resolution = claim.requestedResolution();
    BigDecimal refund = DisputeFacts.refundFor(resolution, claim.requestedAmount(),
        dispute.orderAmount());
    settle(execution, dispute, resolution, refund);
    ProcessVariables.of(execution).set(NEGOTIATION_OUTCOME, NegotiationOutcome.AGREEMENT.name());
    timeline.record(TimelineEvent.by(dispute.disputeId(), dispute.sellerId(), ActorRole.SELLER,
        EventKind.AGREED).detail("Seller accepted the claim").naming(resolution, refund));
  }

  /** The buyer accepted the seller's counter offer: the open offer row is what is carried out. */
  public void settleOnOffer(DelegateExecution execution) {
    Case dispute = facts.of(execution);
    OfferEntry offer = records.openOffer(dispute.disputeId()).orElseThrow(() ->
        new IllegalStateException(dispute.disputeId() + " has no open offer to accept"));
    BigDecimal refund = acceptOffer(execution, dispute, offer);
    ProcessVariables.of(execution).set(NEGOTIATION_OUTCOME, NegotiationOutcome.AGREEMENT.name());
    timeline.record(TimelineEvent.by(dispute.disputeId(), dispute.buyerId(), ActorRole.BUYER,
        EventKind.AGREED).detail("Buyer accepted the seller's offer")
        .naming(offer.resolution(), refund));
  }

  /**
   * The buyer did not answer in time. An open counter offer is then taken as accepted; after a
   * rejection nothing is carried out.
   */
  public void settleOnBuyerSilence(DelegateExecution execution) {
    Case dispute = facts.of(execution);
    Optional<OfferEntry> offer = records.openOffer(dispute.disputeId());
    String resolution = Resolution.NONE.name();
    BigDecimal refund = BigDecimal.ZERO;
    if (offer.isPresent()) {
      resolution = offer.get().resolution();
      refund = acceptOffer(execution, dispute, offer.get());
    } else {
      settle(execution, dispute, resolution, refund);
    }
    ProcessVariables.of(execution)
        .set(NEGOTIATION_OUTCOME, NegotiationOutcome.BUYER_NO_RESPONSE.name());
    timeline.record(TimelineEvent.system(dispute.disputeId(), EventKind.BUYER_NO_RESPONSE)
        .detail("The buyer did not answer the seller's response in time")
        .naming(resolution, refund));
  }

  /** The dispute goes to the platform; {@code reason} is the contract's escalationReason. */
  public void escalated(DelegateExecution execution, String reason) {
    ProcessVariables vars = ProcessVariables.of(execution);
    vars.set(NEGOTIATION_OUTCOME, NegotiationOutcome.ESCALATED.name());
    vars.set(ESCALATION_REASON, reason);
    records.answerOffer(facts.of(execution).disputeId(), OfferStatus.DECLINED);
  }

  /**
   * A party asked for escalation by message: who asked decides the reason. Their own reason and
   * comment, if they gave them, are checked here too, whoever correlated the message.
   */
  public void escalationRequested(DelegateExecution execution) {
    ProcessVariables vars = ProcessVariables.of(execution);
    EscalationRequest request = EscalationRequest.read(vars.string(ESCALATION_REQUEST_REASON),
        vars.string(ESCALATION_COMMENT), policy.getMaxEscalationCommentLength(),
        ESCALATION_REQUEST_REASON, ESCALATION_COMMENT);
    vars.set(ESCALATION_REQUEST_REASON, request.reason());
    vars.set(ESCALATION_COMMENT, request.comment());
    String requestedBy = vars.string(REQUESTED_BY);
    String user = requester.userId();
    boolean seller = Party.SELLER.name().equals(requestedBy)
        || requestedBy == null && user != null && user.equals(facts.of(execution).sellerId());
    escalated(execution,
        (seller ? EscalationReason.SELLER_REQUESTED : EscalationReason.BUYER_REQUESTED).name());
  }

  /** The buyer cancelled: final, and the order can never get another dispute. */
  public void cancelled(DelegateExecution execution) {
    Case dispute = facts.of(execution);
    ProcessVariables.of(execution).set(NEGOTIATION_OUTCOME, NegotiationOutcome.CANCELLED.name());
    settle(execution, dispute, Resolution.NONE.name(), BigDecimal.ZERO);
    records.answerOffer(dispute.disputeId(), OfferStatus.DECLINED);
    timeline.record(TimelineEvent.by(dispute.disputeId(), dispute.buyerId(), ActorRole.BUYER,
        EventKind.CANCELLED).detail("The buyer cancelled the dispute"));
  }

  /** Accepts the offer row and records what it refunds; returns that refund. */
  private BigDecimal acceptOffer(DelegateExecution execution, Case dispute, OfferEntry offer) {
    BigDecimal refund = DisputeFacts.refundFor(offer.resolution(), offer.amount(),
        dispute.orderAmount());
    settle(execution, dispute, offer.resolution(), refund);
    records.answerOffer(dispute.disputeId(), OfferStatus.ACCEPTED);
    return refund;
  }

  private void settle(DelegateExecution execution, Case dispute, String resolution,
      BigDecimal refund) {
    facts.settle(execution, dispute.disputeId(), resolution, refund);
  }
}
