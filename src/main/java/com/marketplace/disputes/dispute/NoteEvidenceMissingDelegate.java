package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeVariables.EVIDENCE_REQUESTED_FROM;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The asked party let the evidence deadline pass: noted, and the mediator decides without it. */
@Component
public class NoteEvidenceMissingDelegate implements JavaDelegate {

  private final DisputeRecords records;

  public NoteEvidenceMissingDelegate(DisputeRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DisputeVariables vars = DisputeVariables.of(execution);
    records.event(vars.disputeId(), "system", "SYSTEM", "EVIDENCE_NOT_PROVIDED",
        "Evidence requested from " + vars.string(EVIDENCE_REQUESTED_FROM) + " was not provided",
        null, null);
  }
}
