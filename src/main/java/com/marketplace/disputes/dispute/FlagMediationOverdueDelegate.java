package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeProcess.MEDIATION_OVERDUE;

import com.marketplace.disputes.kernel.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The mediation SLA passed without a decision: the dispute is flagged overdue. */
@Component
public class FlagMediationOverdueDelegate implements JavaDelegate {

  private final DisputeRecords records;
  private final DisputeFacts facts;

  public FlagMediationOverdueDelegate(DisputeRecords records, DisputeFacts facts) {
    this.records = records;
    this.facts = facts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String disputeId = facts.of(execution).disputeId();
    ProcessVariables.of(execution).set(MEDIATION_OVERDUE, true);
    records.flagOverdue(disputeId);
    records.event(disputeId, "system", "SYSTEM", "MEDIATION_SLA_BREACHED", null, null, null);
  }
}
