package com.marketplace.disputes.appeal;

import static com.marketplace.disputes.dispute.DisputeVariables.APPEAL_DECISION;
import static com.marketplace.disputes.dispute.DisputeVariables.APPEAL_ID;
import static com.marketplace.disputes.dispute.DisputeVariables.APPEAL_RATIONALE;
import static com.marketplace.disputes.dispute.DisputeVariables.CARRY_OUT_RESOLUTION;
import static com.marketplace.disputes.dispute.DisputeVariables.REVIEWED_BY;

import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.dispute.DisputeVariables;
import com.marketplace.disputes.payment.RefundService;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Keeps the senior mediator's decision and its reasons on the appeal and in the dispute's
 * timeline, and says whether an overturn leaves anything to carry out: a return, a replacement,
 * or a refund above what was paid already. Money paid out is never reclaimed here; an overturn
 * to less than was refunded changes the record only.
 */
@Component
public class RecordAppealDecisionDelegate implements JavaDelegate {

  private final AppealRecords appeals;
  private final DisputeRecords disputes;
  private final RefundService refunds;

  public RecordAppealDecisionDelegate(AppealRecords appeals, DisputeRecords disputes,
      RefundService refunds) {
    this.appeals = appeals;
    this.disputes = disputes;
    this.refunds = refunds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DisputeVariables vars = DisputeVariables.of(execution);
    String decision = vars.string(APPEAL_DECISION);
    String rationale = vars.string(APPEAL_RATIONALE);
    String reviewer = vars.string(REVIEWED_BY);
    String resolution = vars.resolution();
    BigDecimal refund = vars.refundAmount();
    appeals.decided(vars.string(APPEAL_ID), decision, rationale, reviewer, resolution, refund);
    boolean overturned = "OVERTURN".equals(decision);
    disputes.event(vars.disputeId(), reviewer, "PLATFORM",
        overturned ? "APPEAL_OVERTURNED" : "APPEAL_UPHELD", rationale, resolution, refund);
    vars.set(CARRY_OUT_RESOLUTION, overturned && ("RETURN_AND_REFUND".equals(resolution)
        || "REPLACEMENT".equals(resolution)
        || refund.compareTo(refunds.refundedSoFar(vars.disputeId())) > 0));
  }
}
