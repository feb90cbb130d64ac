package com.marketplace.disputes.dispute;

import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The asked party let the evidence deadline pass: noted, and the mediator decides without it. */
@Component
public class NoteEvidenceMissingDelegate implements JavaDelegate {

  private final DisputeRecords records;
  private final DisputeFacts facts;
  private final Timeline timeline;

  public NoteEvidenceMissingDelegate(DisputeRecords records, DisputeFacts facts,
      Timeline timeline) {
    this.records = records;
    this.facts = facts;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String disputeId = facts.of(execution).disputeId();
    timeline.record(TimelineEvent.system(disputeId, EventKind.EVIDENCE_NOT_PROVIDED)
        .detail("Evidence requested from "
            + records.evidenceRequestedFrom(disputeId).orElse("a party") + " was not provided"));
  }
}
