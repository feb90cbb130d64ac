package com.marketplace.disputes.dispute;

import com.marketplace.disputes.timeline.EventKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The buyer revised the claim instead of answering the seller: the claim is updated and goes back
 * to the seller, whose new task starts a fresh 15-day clock.
 */
@Component
public class ReviseClaimDelegate implements JavaDelegate {

  private final ClaimChanges claimChanges;
  private final DisputeRecords records;
  private final DisputeFacts facts;

  public ReviseClaimDelegate(ClaimChanges claimChanges, DisputeRecords records,
      DisputeFacts facts) {
    this.claimChanges = claimChanges;
    this.records = records;
    this.facts = facts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    claimChanges.apply(execution, EventKind.CLAIM_REVISED);
    records.answerOffer(facts.of(execution).disputeId(), OfferStatus.DECLINED);
  }
}
