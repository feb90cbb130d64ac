package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeProcess.CLOSURE_REASON;

import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import com.marketplace.disputes.dispute.DisputeRecords.Outcome;
import com.marketplace.disputes.kernel.ProcessVariables;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Closes the dispute with the contract's closure variables. The closure reason follows from how
 * the dispute went: decided by the platform, or ended between buyer and seller. The resolution
 * and refund it closes with are the recorded outcome (NONE once a return lapsed).
 */
@Component
public class CloseDisputeDelegate implements JavaDelegate {

  private final DisputeRecords records;
  private final DisputeFacts facts;
  private final Timeline timeline;

  public CloseDisputeDelegate(DisputeRecords records, DisputeFacts facts, Timeline timeline) {
    this.records = records;
    this.facts = facts;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables vars = ProcessVariables.of(execution);
    // The finished instance's history shows the recorded parties and amounts.
    Case dispute = facts.writeParties(execution);
    Outcome outcome = facts.writeOutcome(execution)
        .orElse(new Outcome(Resolution.NONE.name(), BigDecimal.ZERO));
    String closureReason = closureReason(facts.dispute(dispute)).name();
    vars.set(CLOSURE_REASON, closureReason);
    records.close(dispute.disputeId(), DisputeStatus.CLOSED, closureReason, outcome.resolution(),
        outcome.refund(), null);
    timeline.record(TimelineEvent.system(dispute.disputeId(), EventKind.CLOSED)
        .detail(closureReason).naming(outcome.resolution(), outcome.refund()));
  }

  /**
   * From the records: a decision of the mediator, or how the negotiation ended as its timeline
   * says (cancelled, the buyer's silence, otherwise an agreement).
   */
  private ClosureReason closureReason(DisputeRecord dispute) {
    if (dispute.decision() != null) {
      return ClosureReason.PLATFORM_DECISION;
    }
    if (timeline.has(dispute.disputeId(), EventKind.CANCELLED)) {
      return ClosureReason.CANCELLED_BY_BUYER;
    }
    return timeline.has(dispute.disputeId(), EventKind.BUYER_NO_RESPONSE)
        ? ClosureReason.BUYER_NO_RESPONSE : ClosureReason.AGREEMENT;
  }
}
