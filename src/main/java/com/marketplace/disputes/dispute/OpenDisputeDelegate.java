package com.marketplace.disputes.dispute;

import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.identity.DisputeAccess;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens an eligible dispute: takes the order's lock (a unique constraint, so a second open dispute
 * for the order cannot exist even if two requests race) and lets the recorded buyer and seller
 * see the instance.
 */
@Component
public class OpenDisputeDelegate implements JavaDelegate {

  private final DisputeRecords records;
  private final DisputeFacts facts;
  private final DisputeAccess access;
  private final Timeline timeline;

  public OpenDisputeDelegate(DisputeRecords records, DisputeFacts facts, DisputeAccess access,
      Timeline timeline) {
    this.records = records;
    this.facts = facts;
    this.access = access;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Case dispute = facts.of(execution);
    records.open(dispute.disputeId());
    access.grantParties(execution.getProcessInstanceId(), dispute.buyerId(), dispute.sellerId());
    timeline.record(TimelineEvent.system(dispute.disputeId(), EventKind.OPENED));
  }
}
