package com.marketplace.disputes.refund;

import static com.marketplace.disputes.refund.ReturnAndRefundProcess.REFUND_EXPECTED_BY;
import static com.marketplace.disputes.refund.ReturnAndRefundProcess.REFUND_ID;

import com.marketplace.disputes.dispute.DisputeFacts;
import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.dispute.DisputeRecords.Outcome;
import com.marketplace.disputes.kernel.ProcessVariables;
import com.marketplace.disputes.refund.RefundService.Refund;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Pays the refund the dispute's recorded outcome calls for (the accepted offer, the agreement,
 * the mediator's or the appeal's decision), less what was refunded already and never above what
 * the order cost; the variables {@code resolution} and {@code refundAmount} are written from that
 * record, not read. The dispute is this instance's business key. Runs as its own job
 * (asyncBefore, retry cycle from the policy); a failure propagates so the engine retries it and,
 * in the end, raises an incident.
 */
@Component
public class IssueRefundDelegate implements JavaDelegate {

  private final RefundService refunds;
  private final DisputeFacts facts;
  private final Timeline timeline;

  public IssueRefundDelegate(RefundService refunds, DisputeFacts facts, Timeline timeline) {
    this.refunds = refunds;
    this.facts = facts;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Case dispute = facts.writeParties(execution);
    Outcome outcome = facts.writeOutcome(execution).orElseThrow(() -> new IllegalStateException(
        dispute.disputeId() + " has no recorded outcome: nothing may be refunded"));
    Refund refund = refunds.refundUpTo(dispute.disputeId(), outcome.refund());
    if (refund == null) {
      return;
    }
    ProcessVariables vars = ProcessVariables.of(execution);
    vars.set(REFUND_ID, refund.refundId());
    vars.set(REFUND_EXPECTED_BY, refund.expectedBy().toString());
    timeline.record(TimelineEvent.system(dispute.disputeId(), EventKind.REFUND_ISSUED)
        .detail("Refund " + refund.refundId() + ", expected by " + refund.expectedBy())
        .naming(outcome.resolution(), refund.amount()));
  }
}
