package com.marketplace.disputes.appeal;

import com.marketplace.disputes.appeal.AppealRecords.AppealRecord;
import com.marketplace.disputes.dispute.DisputeFacts;
import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.dispute.DisputeRecords.Outcome;
import com.marketplace.disputes.dispute.Resolution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Closes the appeal and closes the dispute again with the outcome that now stands, as recorded.
 * A return the overturn ordered but the buyer never shipped lapses, and the dispute's earlier
 * outcome stands.
 */
@Component
public class CloseAppealDelegate implements JavaDelegate {

  private final AppealRecords appeals;
  private final DisputeRecords disputes;
  private final DisputeFacts facts;

  public CloseAppealDelegate(AppealRecords appeals, DisputeRecords disputes, DisputeFacts facts) {
    this.appeals = appeals;
    this.disputes = disputes;
    this.facts = facts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Case appeal = facts.writeParties(execution);
    AppealRecord decided = appeals.find(appeal.appealId()).orElseThrow();
    Outcome outcome = facts.outcome(appeal.disputeId())
        .orElse(new Outcome(decided.previousResolution(), decided.previousRefund()));
    if (Resolution.RETURN_AND_REFUND.name().equals(decided.resolution())
        && Resolution.NONE.name().equals(outcome.resolution())) {
      outcome = new Outcome(decided.previousResolution(), decided.previousRefund());
      facts.settle(execution, appeal.disputeId(), outcome.resolution(), outcome.refund());
    } else {
      facts.writeOutcome(execution);
    }
    boolean overturned = "OVERTURN".equals(decided.decision());
    appeals.closed(appeal.appealId(), outcome.resolution(), outcome.refund());
    disputes.appealClosed(appeal.disputeId(), overturned ? "OVERTURNED" : "UPHELD",
        outcome.resolution(), outcome.refund());
  }
}
