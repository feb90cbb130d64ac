package com.marketplace.disputes.resolution;

import static com.marketplace.disputes.dispute.DisputeVariables.REFUND_EXPECTED_BY;
import static com.marketplace.disputes.dispute.DisputeVariables.REFUND_ID;

import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.dispute.DisputeVariables;
import com.marketplace.disputes.payment.RefundService;
import com.marketplace.disputes.payment.RefundService.Refund;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Pays the refund the resolution calls for. Runs as its own job (asyncBefore, retry cycle from
 * the policy); a failure propagates so the engine retries it and, in the end, raises an incident.
 */
@Component
public class IssueRefundDelegate implements JavaDelegate {

  private final RefundService refunds;
  private final DisputeRecords records;

  public IssueRefundDelegate(RefundService refunds, DisputeRecords records) {
    this.refunds = refunds;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DisputeVariables vars = DisputeVariables.of(execution);
    Refund refund = refunds.refundUpTo(vars.disputeId(), vars.orderId(), vars.refundAmount(),
        vars.currency());
    if (refund == null) {
      return;
    }
    vars.set(REFUND_ID, refund.refundId());
    vars.set(REFUND_EXPECTED_BY, refund.expectedBy().toString());
    records.event(vars.disputeId(), "system", "SYSTEM", "REFUND_ISSUED",
        "Refund " + refund.refundId() + ", expected by " + refund.expectedBy(), vars.resolution(),
        refund.amount());
  }
}
