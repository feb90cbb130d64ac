package com.marketplace.disputes.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The asked party let the evidence deadline pass: noted, and the mediator decides without it. */
@Component
public class NoteEvidenceMissingDelegate implements JavaDelegate {

  private final DisputeRecords records;
  private final DisputeFacts facts;

  public NoteEvidenceMissingDelegate(DisputeRecords records, DisputeFacts facts) {
    this.records = records;
    this.facts = facts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String disputeId = facts.of(execution).disputeId();
    records.event(disputeId, "system", "SYSTEM", "EVIDENCE_NOT_PROVIDED",
        "Evidence requested from " + records.evidenceRequestedFrom(disputeId).orElse("a party")
            + " was not provided",
        null, null);
  }
}
