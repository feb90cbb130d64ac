package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeProcess.ESCALATION_REASON;

import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.kernel.Party;
import com.marketplace.disputes.kernel.ProcessVariables;
import com.marketplace.disputes.timeline.ActorRole;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts the dispute in the mediation queue and notes why it came there. */
@Component
public class EscalateToPlatformDelegate implements JavaDelegate {

  private final DisputeRecords records;
  private final DisputeFacts facts;
  private final Timeline timeline;

  public EscalateToPlatformDelegate(DisputeRecords records, DisputeFacts facts, Timeline timeline) {
    this.records = records;
    this.facts = facts;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Case dispute = facts.of(execution);
    EscalationReason reason = EscalationReason.valueOf(
        ProcessVariables.of(execution).string(ESCALATION_REASON));
    records.escalated(dispute.disputeId(), reason.name());
    Party party = switch (reason) {
      case BUYER_REQUESTED -> Party.BUYER;
      case SELLER_REQUESTED -> Party.SELLER;
      case SELLER_NO_RESPONSE -> null;
    };
    TimelineEvent escalated = party == null
        ? TimelineEvent.system(dispute.disputeId(), EventKind.ESCALATED)
        : TimelineEvent.by(dispute.disputeId(), dispute.party(party), ActorRole.of(party),
            EventKind.ESCALATED);
    timeline.record(escalated.detail(reason.name()));
  }
}
