package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeVariables.MEDIATION_OVERDUE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The mediation SLA passed without a decision: the dispute is flagged overdue. */
@Component
public class FlagMediationOverdueDelegate implements JavaDelegate {

  private final DisputeRecords records;

  public FlagMediationOverdueDelegate(DisputeRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DisputeVariables vars = DisputeVariables.of(execution);
    vars.set(MEDIATION_OVERDUE, true);
    records.flagOverdue(vars.disputeId());
    records.event(vars.disputeId(), "system", "SYSTEM", "MEDIATION_SLA_BREACHED", null, null, null);
  }
}
