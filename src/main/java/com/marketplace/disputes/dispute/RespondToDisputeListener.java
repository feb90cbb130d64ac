package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeVariables.OFFER_AMOUNT;
import static com.marketplace.disputes.dispute.DisputeVariables.OFFER_RESOLUTION;
import static com.marketplace.disputes.dispute.DisputeVariables.SELLER_COMMENT;
import static com.marketplace.disputes.dispute.DisputeVariables.SELLER_RESPONSE;

import java.math.BigDecimal;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Checks and records the seller's response: accept, counter offer, or reject with reasons. */
@Component
public class RespondToDisputeListener implements TaskListener {

  private final DisputeRecords records;

  public RespondToDisputeListener(DisputeRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    DisputeVariables vars = DisputeVariables.of(task);
    TaskAnswers answers = new TaskAnswers(task);
    String response = answers.choice(SELLER_RESPONSE, Set.of("ACCEPT", "COUNTER_OFFER", "REJECT"));
    String offerResolution = null;
    BigDecimal offerAmount = null;
    if ("COUNTER_OFFER".equals(response)) {
      offerResolution = answers.choice(OFFER_RESOLUTION, Claim.RESOLUTIONS);
      if ("PARTIAL_REFUND".equals(offerResolution)) {
        offerAmount = Claim.partialAmount(OFFER_AMOUNT, answers.raw(OFFER_AMOUNT),
            vars.orderAmount(), answers.errors());
      }
    }
    String comment = Claim.text(task.getVariable(SELLER_COMMENT));
    if ("REJECT".equals(response)) {
      comment = answers.text(SELLER_COMMENT, 4000);
    }
    answers.check();

    String seller = vars.sellerId();
    switch (response) {
      case "ACCEPT" -> records.event(vars.disputeId(), seller, "SELLER", "SELLER_ACCEPTED",
          comment, null, null);
      case "COUNTER_OFFER" -> {
        BigDecimal refund = Negotiation.refundFor(offerResolution, offerAmount, vars);
        task.setVariable(OFFER_AMOUNT, Money.format(refund));
        records.proposeOffer(vars.disputeId(), seller, offerResolution, refund);
        records.event(vars.disputeId(), seller, "SELLER", "COUNTER_OFFERED", comment,
            offerResolution, refund);
      }
      default -> records.event(vars.disputeId(), seller, "SELLER", "SELLER_REJECTED", comment,
          null, null);
    }
  }
}
