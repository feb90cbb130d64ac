package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeProcess.EVIDENCE_NOTE;

import com.marketplace.disputes.kernel.Party;
import com.marketplace.disputes.kernel.TaskAnswers;
import com.marketplace.disputes.timeline.ActorRole;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the evidence a party provided on the mediator's request. */
@Component
public class ProvideEvidenceListener implements TaskListener {

  private final DisputeRecords records;
  private final DisputeFacts facts;
  private final Timeline timeline;

  public ProvideEvidenceListener(DisputeRecords records, DisputeFacts facts, Timeline timeline) {
    this.records = records;
    this.facts = facts;
    this.timeline = timeline;
  }

  @Override
  public void notify(DelegateTask task) {
    DisputeFacts.Case dispute = facts.of(task);
    TaskAnswers answers = new TaskAnswers(task);
    String note = answers.text(EVIDENCE_NOTE, 4000);
    answers.check();
    Party party = records.evidenceRequestedFrom(dispute.disputeId()).map(Party::valueOf)
        .orElse(dispute.roleOf(task.getAssignee()));
    timeline.record(TimelineEvent.by(dispute.disputeId(), dispute.party(party),
        ActorRole.of(party), EventKind.EVIDENCE_PROVIDED).detail(note));
  }
}
