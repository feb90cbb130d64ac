package com.marketplace.disputes.appeal;

import static com.marketplace.disputes.dispute.DisputeVariables.APPEAL_ID;
import static com.marketplace.disputes.dispute.DisputeVariables.APPEAL_OVERDUE;

import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.dispute.DisputeVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The review SLA passed without a decision: the appeal, and the dispute it is about, are flagged. */
@Component
public class FlagAppealOverdueDelegate implements JavaDelegate {

  private final AppealRecords appeals;
  private final DisputeRecords disputes;

  public FlagAppealOverdueDelegate(AppealRecords appeals, DisputeRecords disputes) {
    this.appeals = appeals;
    this.disputes = disputes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DisputeVariables vars = DisputeVariables.of(execution);
    vars.set(APPEAL_OVERDUE, true);
    appeals.flagOverdue(vars.string(APPEAL_ID));
    disputes.flagOverdue(vars.disputeId());
    disputes.event(vars.disputeId(), "system", "SYSTEM", "APPEAL_SLA_BREACHED",
        vars.string(APPEAL_ID), null, null);
  }
}
