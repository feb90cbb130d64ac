package com.marketplace.disputes.dispute;

import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import com.marketplace.disputes.dispute.DisputeRecords.Outcome;
import com.marketplace.disputes.timeline.ActorRole;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Turns the mediator's decision, as the dispute's row records it, into what is carried out
 * ({@code resolution}, {@code refundAmount}), and keeps the decision in the timeline.
 */
@Component
public class RecordDecisionDelegate implements JavaDelegate {

  private final DisputeFacts facts;
  private final Timeline timeline;

  public RecordDecisionDelegate(DisputeFacts facts, Timeline timeline) {
    this.facts = facts;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Case c = facts.of(execution);
    DisputeRecord dispute = facts.dispute(c);
    Outcome outcome = facts.writeOutcome(execution).orElseThrow(() ->
        new IllegalStateException(c.disputeId() + " has no recorded decision to carry out"));
    timeline.record(TimelineEvent.by(c.disputeId(), dispute.decidedBy(), ActorRole.PLATFORM,
        EventKind.DECIDED).detail(dispute.decisionRationale())
        .naming(outcome.resolution(), outcome.refund()));
  }
}
