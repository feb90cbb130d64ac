package com.marketplace.disputes.dispute;

import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import com.marketplace.disputes.dispute.DisputeRecords.Outcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Turns the mediator's decision, as the dispute's row records it, into what is carried out
 * ({@code resolution}, {@code refundAmount}), and keeps the decision in the timeline.
 */
@Component
public class RecordDecisionDelegate implements JavaDelegate {

  private final DisputeRecords records;
  private final DisputeFacts facts;

  public RecordDecisionDelegate(DisputeRecords records, DisputeFacts facts) {
    this.records = records;
    this.facts = facts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Case c = facts.of(execution);
    DisputeRecord dispute = facts.dispute(c);
    Outcome outcome = facts.writeOutcome(execution).orElseThrow(() ->
        new IllegalStateException(c.disputeId() + " has no recorded decision to carry out"));
    records.event(c.disputeId(), dispute.decidedBy(), "PLATFORM", "DECIDED",
        dispute.decisionRationale(), outcome.resolution(), outcome.refund());
  }
}
