package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeProcess.CLOSURE_REASON;
import static com.marketplace.disputes.dispute.DisputeProcess.INELIGIBILITY_REASON;

import com.marketplace.disputes.kernel.ProcessVariables;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Ends a dispute request that the eligibility decision refused. */
@Component("disputeClosure")
public class DisputeClosure {

  private final DisputeRecords records;
  private final DisputeFacts facts;

  public DisputeClosure(DisputeRecords records, DisputeFacts facts) {
    this.records = records;
    this.facts = facts;
  }

  public void ineligible(DelegateExecution execution) {
    ProcessVariables vars = ProcessVariables.of(execution);
    String disputeId = facts.of(execution).disputeId();
    String reason = vars.string(INELIGIBILITY_REASON);
    vars.set(CLOSURE_REASON, "INELIGIBLE");
    facts.settle(execution, disputeId, "NONE", BigDecimal.ZERO);
    records.close(disputeId, "INELIGIBLE", "INELIGIBLE", "NONE", BigDecimal.ZERO, reason);
    records.event(disputeId, "system", "SYSTEM", "INELIGIBLE", reason, null, null);
  }
}
