package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeVariables.EVIDENCE_NOTE;
import static com.marketplace.disputes.dispute.DisputeVariables.EVIDENCE_REQUESTED_FROM;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the evidence a party provided on the mediator's request. */
@Component
public class ProvideEvidenceListener implements TaskListener {

  private final DisputeRecords records;

  public ProvideEvidenceListener(DisputeRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    DisputeVariables vars = DisputeVariables.of(task);
    TaskAnswers answers = new TaskAnswers(task);
    String note = answers.text(EVIDENCE_NOTE, 4000);
    answers.check();
    String role = vars.string(EVIDENCE_REQUESTED_FROM);
    records.event(vars.disputeId(), task.getAssignee(), role, "EVIDENCE_PROVIDED", note, null,
        null);
  }
}
