package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeProcess.ESCALATION_COMMENT;
import static com.marketplace.disputes.dispute.DisputeProcess.ESCALATION_REASON;
import static com.marketplace.disputes.dispute.DisputeProcess.ESCALATION_REQUEST_REASON;

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

/**
 * Puts the dispute in the mediation queue and notes why it came there: the contract's reason and,
 * when a party asked, their own reason and comment, for the mediator and both parties to read.
 */
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
    ProcessVariables vars = ProcessVariables.of(execution);
    EscalationReason reason = EscalationReason.valueOf(vars.string(ESCALATION_REASON));
    boolean asked = reason != EscalationReason.SELLER_NO_RESPONSE;
    String requestReason = asked ? vars.string(ESCALATION_REQUEST_REASON) : null;
    String comment = asked ? vars.string(ESCALATION_COMMENT) : null;
    records.escalated(dispute.disputeId(), reason.name(), requestReason, comment);
    Party party = switch (reason) {
      case BUYER_REQUESTED -> Party.BUYER;
      case SELLER_REQUESTED -> Party.SELLER;
      case SELLER_NO_RESPONSE -> null;
    };
    TimelineEvent escalated = party == null
        ? TimelineEvent.system(dispute.disputeId(), EventKind.ESCALATED)
        : TimelineEvent.by(dispute.disputeId(), dispute.party(party), ActorRole.of(party),
            EventKind.ESCALATED);
    if (comment != null) {
      timeline.record(TimelineEvent.by(dispute.disputeId(), dispute.party(party),
          ActorRole.of(party), EventKind.ESCALATION_REQUESTED).detail(comment));
    }
    timeline.record(escalated.detail(requestReason != null ? requestReason : reason.name()));
  }
}
