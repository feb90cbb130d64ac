package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeProcess.PROBLEM_DETAIL;
import static com.marketplace.disputes.dispute.DisputeProcess.REQUESTED_AMOUNT;

import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import com.marketplace.disputes.kernel.Money;
import com.marketplace.disputes.kernel.ProcessVariables;
import com.marketplace.disputes.timeline.ActorRole;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Applies a buyer's changed claim (a revision in the review task, or a DisputeModified message):
 * fields the buyer sent replace the old ones, the rest stay, and the whole claim is checked again.
 */
@Component
public class ClaimChanges {

  private final DisputeRecords records;
  private final DisputeFacts facts;
  private final Timeline timeline;

  public ClaimChanges(DisputeRecords records, DisputeFacts facts, Timeline timeline) {
    this.records = records;
    this.facts = facts;
    this.timeline = timeline;
  }

  public Claim apply(DelegateExecution execution, EventKind eventType) {
    ProcessVariables vars = ProcessVariables.of(execution);
    DisputeFacts.Case dispute = facts.of(execution);
    DisputeRecord current = facts.dispute(dispute);
    Map<String, Object> merged = new HashMap<>();
    merged.put(DisputeProcess.REASON, current.reason());
    merged.put(DisputeProcess.ITEM_RECEIVED, current.itemReceived());
    merged.put(PROBLEM_DETAIL, current.problemDetail());
    merged.put(DisputeProcess.DESCRIPTION, current.description());
    merged.put(DisputeProcess.REQUESTED_RESOLUTION, current.requestedResolution());
    merged.put(REQUESTED_AMOUNT, current.requestedAmount());
    for (String field : merged.keySet().toArray(String[]::new)) {
      Object sent = execution.getVariable(field);
      if (sent != null) {
        merged.put(field, sent);
      }
    }
    Claim claim = Claim.read(merged::get, current.orderAmount());
    vars.set(PROBLEM_DETAIL, claim.problemDetail());
    vars.set(REQUESTED_AMOUNT,
        claim.requestedAmount() == null ? null : Money.format(claim.requestedAmount()));
    records.updateClaim(dispute.disputeId(), claim);
    timeline.record(TimelineEvent.by(dispute.disputeId(), dispute.buyerId(), ActorRole.BUYER,
        eventType).detail(claim.description())
        .naming(claim.requestedResolution(), claim.requestedAmount()));
    return claim;
  }
}
