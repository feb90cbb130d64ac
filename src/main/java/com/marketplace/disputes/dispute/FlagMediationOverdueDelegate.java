package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeProcess.MEDIATION_OVERDUE;

import com.marketplace.disputes.kernel.ProcessVariables;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The mediation SLA passed without a decision: the dispute is flagged overdue. */
@Component
public class FlagMediationOverdueDelegate implements JavaDelegate {

  private final DisputeRecords records;
  private final DisputeFacts facts;
  private final Timeline timeline;

  public FlagMediationOverdueDelegate(DisputeRecords records, DisputeFacts facts,
      Timeline timeline) {
    this.records = records;
    this.facts = facts;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String disputeId = facts.of(execution).disputeId();
    ProcessVariables.of(execution).set(MEDIATION_OVERDUE, true);
    records.flagOverdue(disputeId);
    timeline.record(TimelineEvent.system(disputeId, EventKind.MEDIATION_SLA_BREACHED));
  }
}
