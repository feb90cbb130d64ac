package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeVariables.CLOSURE_REASON;
import static com.marketplace.disputes.dispute.DisputeVariables.INELIGIBILITY_REASON;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Ends a dispute request that the eligibility decision refused. */
@Component("disputeClosure")
public class DisputeClosure {

  private final DisputeRecords records;

  public DisputeClosure(DisputeRecords records) {
    this.records = records;
  }

  public void ineligible(DelegateExecution execution) {
    DisputeVariables vars = DisputeVariables.of(execution);
    String reason = vars.string(INELIGIBILITY_REASON);
    vars.set(CLOSURE_REASON, "INELIGIBLE");
    vars.settle("NONE", BigDecimal.ZERO);
    records.close(vars.disputeId(), "INELIGIBLE", "INELIGIBLE", "NONE", BigDecimal.ZERO, reason);
    records.event(vars.disputeId(), "system", "SYSTEM", "INELIGIBLE", reason, null, null);
  }
}
