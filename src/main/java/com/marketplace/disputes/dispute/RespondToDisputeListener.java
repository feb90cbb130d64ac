package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeProcess.OFFER_AMOUNT;
import static com.marketplace.disputes.dispute.DisputeProcess.OFFER_RESOLUTION;
import static com.marketplace.disputes.dispute.DisputeProcess.SELLER_COMMENT;
import static com.marketplace.disputes.dispute.DisputeProcess.SELLER_RESPONSE;

import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.kernel.Money;
import com.marketplace.disputes.kernel.TaskAnswers;
import com.marketplace.disputes.kernel.Text;
import com.marketplace.disputes.timeline.ActorRole;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks and records the seller's response: accept, counter offer, or reject with reasons. A
 * counter offer is checked against the recorded order amount and kept as an offer row, which is
 * what an acceptance later carries out.
 */
@Component
public class RespondToDisputeListener implements TaskListener {

  private final DisputeRecords records;
  private final DisputeFacts facts;
  private final Timeline timeline;

  public RespondToDisputeListener(DisputeRecords records, DisputeFacts facts, Timeline timeline) {
    this.records = records;
    this.facts = facts;
    this.timeline = timeline;
  }

  @Override
  public void notify(DelegateTask task) {
    Case dispute = facts.of(task);
    TaskAnswers answers = new TaskAnswers(task);
    SellerResponse response = answers.choice(SELLER_RESPONSE, SellerResponse.class);
    Resolution offerResolution = null;
    BigDecimal offerAmount = null;
    if (response == SellerResponse.COUNTER_OFFER) {
      offerResolution = answers.choice(OFFER_RESOLUTION, Resolution.REQUESTABLE);
      if (offerResolution == Resolution.PARTIAL_REFUND) {
        offerAmount = Claim.partialAmount(OFFER_AMOUNT, answers.raw(OFFER_AMOUNT),
            dispute.orderAmount(), answers.errors());
      }
    }
    String comment = Text.trimmed(task.getVariable(SELLER_COMMENT));
    if (response == SellerResponse.REJECT) {
      comment = answers.text(SELLER_COMMENT, 4000);
    }
    answers.check();

    String seller = dispute.sellerId();
    String disputeId = dispute.disputeId();
    switch (response) {
      case ACCEPT -> timeline.record(TimelineEvent.by(disputeId, seller, ActorRole.SELLER,
          EventKind.SELLER_ACCEPTED).detail(comment));
      case COUNTER_OFFER -> {
        BigDecimal refund = offerResolution.refund(offerAmount, dispute.orderAmount());
        task.setVariable(OFFER_AMOUNT, Money.format(refund));
        records.proposeOffer(disputeId, seller, offerResolution.name(), refund);
        timeline.record(TimelineEvent.by(disputeId, seller, ActorRole.SELLER,
            EventKind.COUNTER_OFFERED).detail(comment).naming(offerResolution.name(), refund));
      }
      case REJECT -> timeline.record(TimelineEvent.by(disputeId, seller, ActorRole.SELLER,
          EventKind.SELLER_REJECTED).detail(comment));
    }
  }
}
