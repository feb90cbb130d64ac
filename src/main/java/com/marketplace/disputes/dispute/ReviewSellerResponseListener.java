package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeProcess.BUYER_DECISION;
import static com.marketplace.disputes.dispute.DisputeProcess.OFFER_AMOUNT;
import static com.marketplace.disputes.dispute.DisputeProcess.OFFER_RESOLUTION;

import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.dispute.DisputeRecords.OfferEntry;
import com.marketplace.disputes.kernel.Money;
import com.marketplace.disputes.kernel.TaskAnswers;
import com.marketplace.disputes.timeline.ActorRole;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks the buyer's answer to the seller: an offer can be accepted only if the seller made one
 * that is still open, and what is accepted is that offer as recorded, whatever amount the
 * completion carried.
 */
@Component
public class ReviewSellerResponseListener implements TaskListener {

  private final DisputeRecords records;
  private final DisputeFacts facts;
  private final Timeline timeline;

  public ReviewSellerResponseListener(DisputeRecords records, DisputeFacts facts,
      Timeline timeline) {
    this.records = records;
    this.facts = facts;
    this.timeline = timeline;
  }

  @Override
  public void notify(DelegateTask task) {
    Case dispute = facts.of(task);
    TaskAnswers answers = new TaskAnswers(task);
    BuyerDecision decision = answers.choice(BUYER_DECISION, BuyerDecision.class);
    Optional<OfferEntry> offer = records.openOffer(dispute.disputeId());
    if (decision == BuyerDecision.ACCEPT_OFFER && offer.isEmpty()) {
      answers.error(BUYER_DECISION, "ACCEPT_OFFER needs a counter offer, and the seller made none");
    }
    answers.check();
    if (decision == BuyerDecision.ACCEPT_OFFER) {
      // The history shows the offer the buyer accepted, as the seller made it.
      facts.keep(task, dispute, OFFER_RESOLUTION, offer.get().resolution());
      facts.keep(task, dispute, OFFER_AMOUNT, Money.format(offer.get().amount()));
    } else {
      records.answerOffer(dispute.disputeId(), OfferStatus.DECLINED);
    }
    timeline.record(TimelineEvent.by(dispute.disputeId(), dispute.buyerId(), ActorRole.BUYER,
        EventKind.buyerDecided(decision.name())));
  }
}
