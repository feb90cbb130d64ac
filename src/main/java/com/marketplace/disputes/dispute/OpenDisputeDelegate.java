package com.marketplace.disputes.dispute;

import com.marketplace.disputes.identity.DisputeAccess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens an eligible dispute: takes the order's lock (a unique constraint, so a second open dispute
 * for the order cannot exist even if two requests race) and lets buyer and seller see the instance.
 */
@Component
public class OpenDisputeDelegate implements JavaDelegate {

  private final DisputeRecords records;
  private final DisputeAccess access;

  public OpenDisputeDelegate(DisputeRecords records, DisputeAccess access) {
    this.records = records;
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DisputeVariables vars = DisputeVariables.of(execution);
    records.open(vars.disputeId());
    access.grantParties(execution.getProcessInstanceId(), vars.buyerId(), vars.sellerId());
    records.event(vars.disputeId(), "system", "SYSTEM", "OPENED", null, null, null);
  }
}
