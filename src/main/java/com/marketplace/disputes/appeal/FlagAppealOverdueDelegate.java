package com.marketplace.disputes.appeal;

import static com.marketplace.disputes.appeal.AppealProcess.APPEAL_OVERDUE;

import com.marketplace.disputes.dispute.DisputeFacts;
import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.kernel.ProcessVariables;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The review SLA passed without a decision: the appeal, and the dispute it is about, are flagged. */
@Component
public class FlagAppealOverdueDelegate implements JavaDelegate {

  private final AppealRecords appeals;
  private final DisputeRecords disputes;
  private final DisputeFacts facts;
  private final Timeline timeline;

  public FlagAppealOverdueDelegate(AppealRecords appeals, DisputeRecords disputes,
      DisputeFacts facts, Timeline timeline) {
    this.appeals = appeals;
    this.disputes = disputes;
    this.facts = facts;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Case appeal = facts.of(execution);
    ProcessVariables.of(execution).set(APPEAL_OVERDUE, true);
    appeals.flagOverdue(appeal.appealId());
    disputes.flagOverdue(appeal.disputeId());
    timeline.record(TimelineEvent.system(appeal.disputeId(), EventKind.APPEAL_SLA_BREACHED)
        .detail(appeal.appealId()));
  }
}
