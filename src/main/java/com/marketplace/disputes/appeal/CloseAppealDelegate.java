package com.marketplace.disputes.appeal;

import static com.marketplace.disputes.dispute.DisputeVariables.APPEAL_DECISION;
import static com.marketplace.disputes.dispute.DisputeVariables.APPEAL_ID;
import static com.marketplace.disputes.dispute.DisputeVariables.DISPUTE_REFUND_AMOUNT;
import static com.marketplace.disputes.dispute.DisputeVariables.DISPUTE_RESOLUTION;

import com.marketplace.disputes.appeal.AppealRecords.AppealRecord;
import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.dispute.DisputeVariables;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Closes the appeal and closes the dispute again with the outcome that now stands. A return the
 * overturn ordered but the buyer never shipped lapses, and the dispute's earlier outcome stands.
 */
@Component
public class CloseAppealDelegate implements JavaDelegate {

  private final AppealRecords appeals;
  private final DisputeRecords disputes;

  public CloseAppealDelegate(AppealRecords appeals, DisputeRecords disputes) {
    this.appeals = appeals;
    this.disputes = disputes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DisputeVariables vars = DisputeVariables.of(execution);
    String appealId = vars.string(APPEAL_ID);
    AppealRecord decided = appeals.find(appealId).orElseThrow();
    String resolution = vars.resolution();
    BigDecimal refund = vars.refundAmount();
    if ("RETURN_AND_REFUND".equals(decided.resolution()) && "NONE".equals(resolution)) {
      resolution = vars.string(DISPUTE_RESOLUTION);
      refund = vars.money(DISPUTE_REFUND_AMOUNT);
      vars.settle(resolution, refund);
    }
    boolean overturned = "OVERTURN".equals(vars.string(APPEAL_DECISION));
    appeals.closed(appealId, resolution, refund);
    disputes.appealClosed(vars.disputeId(), overturned ? "OVERTURNED" : "UPHELD", resolution,
        refund);
  }
}
