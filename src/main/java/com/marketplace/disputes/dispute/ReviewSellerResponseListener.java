package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeVariables.BUYER_DECISION;
import static com.marketplace.disputes.dispute.DisputeVariables.SELLER_RESPONSE;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Checks the buyer's answer to the seller: an offer can be accepted only if there was one. */
@Component
public class ReviewSellerResponseListener implements TaskListener {

  private final DisputeRecords records;

  public ReviewSellerResponseListener(DisputeRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    DisputeVariables vars = DisputeVariables.of(task);
    TaskAnswers answers = new TaskAnswers(task);
    String decision = answers.choice(BUYER_DECISION,
        Set.of("ACCEPT_OFFER", "ESCALATE", "REVISE_CLAIM", "CANCEL"));
    if ("ACCEPT_OFFER".equals(decision)
        && !"COUNTER_OFFER".equals(vars.string(SELLER_RESPONSE))) {
      answers.error(BUYER_DECISION, "ACCEPT_OFFER needs a counter offer, and the seller made none");
    }
    answers.check();
    if (!"ACCEPT_OFFER".equals(decision)) {
      records.answerOffer(vars.disputeId(), "DECLINED");
    }
    records.event(vars.disputeId(), vars.buyerId(), "BUYER", "BUYER_" + decision, null, null,
        null);
  }
}
