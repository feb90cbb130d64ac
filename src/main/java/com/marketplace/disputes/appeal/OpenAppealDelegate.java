package com.marketplace.disputes.appeal;

import static com.marketplace.disputes.appeal.AppealProcess.APPEAL_STATEMENT;

import com.marketplace.disputes.dispute.DisputeFacts;
import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.evidence.EvidenceAttachments;
import com.marketplace.disputes.identity.DisputeAccess;
import com.marketplace.disputes.kernel.ProcessVariables;
import com.marketplace.disputes.timeline.ActorRole;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens an accepted appeal: the dispute's record and timeline show it, both parties of the
 * dispute (as its row records them) may read the ticket (the other party is told of it too), and
 * the files the appellant submitted with it (evidenceIds) are attached to the dispute.
 */
@Component
public class OpenAppealDelegate implements JavaDelegate {

  private final DisputeRecords disputes;
  private final DisputeFacts facts;
  private final DisputeAccess access;
  private final EvidenceAttachments attachments;
  private final Timeline timeline;

  public OpenAppealDelegate(DisputeRecords disputes, DisputeFacts facts, DisputeAccess access,
      EvidenceAttachments attachments, Timeline timeline) {
    this.disputes = disputes;
    this.facts = facts;
    this.access = access;
    this.attachments = attachments;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Case appeal = facts.of(execution);
    String appellant = appeal.appellantId();
    disputes.appealed(appeal.disputeId(), appeal.appealId());
    access.grantParties(execution.getProcessInstanceId(), appeal.buyerId(), appeal.sellerId());
    timeline.record(TimelineEvent.by(appeal.disputeId(), appellant,
        ActorRole.of(appeal.roleOf(appellant)), EventKind.APPEAL_FILED)
        .detail(appeal.appealId() + ": "
            + ProcessVariables.of(execution).string(APPEAL_STATEMENT)));
    // The appellant's uploads join the dispute's case file through the evidence store, with its
    // checks, only once the appeal is accepted; a refused appeal attaches nothing.
    attachments.attachSubmitted(execution);
  }
}
