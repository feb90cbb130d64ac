package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeProcess.OFFER_AMOUNT;
import static com.marketplace.disputes.dispute.DisputeProcess.OFFER_RESOLUTION;
import static com.marketplace.disputes.dispute.DisputeProcess.SELLER_COMMENT;
import static com.marketplace.disputes.dispute.DisputeProcess.SELLER_RESPONSE;

import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.kernel.Money;
import com.marketplace.disputes.kernel.TaskAnswers;
import com.marketplace.disputes.kernel.Text;
import java.math.BigDecimal;
import java.util.Set;
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

  public RespondToDisputeListener(DisputeRecords records, DisputeFacts facts) {
    this.records = records;
    this.facts = facts;
  }

  @Override
  public void notify(DelegateTask task) {
    Case dispute = facts.of(task);
    TaskAnswers answers = new TaskAnswers(task);
    String response = answers.choice(SELLER_RESPONSE, Set.of("ACCEPT", "COUNTER_OFFER", "REJECT"));
    String offerResolution = null;
    BigDecimal offerAmount = null;
    if ("COUNTER_OFFER".equals(response)) {
      offerResolution = answers.choice(OFFER_RESOLUTION, Claim.RESOLUTIONS);
      if ("PARTIAL_REFUND".equals(offerResolution)) {
        offerAmount = Claim.partialAmount(OFFER_AMOUNT, answers.raw(OFFER_AMOUNT),
            dispute.orderAmount(), answers.errors());
      }
    }
    String comment = Text.trimmed(task.getVariable(SELLER_COMMENT));
    if ("REJECT".equals(response)) {
      comment = answers.text(SELLER_COMMENT, 4000);
    }
    answers.check();

    String seller = dispute.sellerId();
    String disputeId = dispute.disputeId();
    switch (response) {
      case "ACCEPT" -> records.event(disputeId, seller, "SELLER", "SELLER_ACCEPTED",
          comment, null, null);
      case "COUNTER_OFFER" -> {
        BigDecimal refund = DisputeFacts.refundFor(offerResolution, offerAmount,
            dispute.orderAmount());
        task.setVariable(OFFER_AMOUNT, Money.format(refund));
        records.proposeOffer(disputeId, seller, offerResolution, refund);
        records.event(disputeId, seller, "SELLER", "COUNTER_OFFERED", comment,
            offerResolution, refund);
      }
      default -> records.event(disputeId, seller, "SELLER", "SELLER_REJECTED", comment,
          null, null);
    }
  }
}
