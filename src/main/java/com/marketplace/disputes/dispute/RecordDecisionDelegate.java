package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeVariables.DECIDED_BY;
import static com.marketplace.disputes.dispute.DisputeVariables.DECISION_AMOUNT;
import static com.marketplace.disputes.dispute.DisputeVariables.DECISION_RATIONALE;
import static com.marketplace.disputes.dispute.DisputeVariables.PLATFORM_DECISION;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Turns the mediator's decision into what is carried out, and keeps the decision's reasons. */
@Component
public class RecordDecisionDelegate implements JavaDelegate {

  private final DisputeRecords records;

  public RecordDecisionDelegate(DisputeRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DisputeVariables vars = DisputeVariables.of(execution);
    String decision = vars.string(PLATFORM_DECISION);
    String resolution = "REJECT_CLAIM".equals(decision) ? "NONE" : decision;
    BigDecimal refund = "NONE".equals(resolution) ? BigDecimal.ZERO
        : Negotiation.refundFor(resolution, vars.money(DECISION_AMOUNT), vars);
    vars.settle(resolution, refund);
    String rationale = vars.string(DECISION_RATIONALE);
    String decidedBy = vars.string(DECIDED_BY);
    records.decided(vars.disputeId(), decision, rationale, decidedBy);
    records.event(vars.disputeId(), decidedBy, "PLATFORM", "DECIDED", rationale, resolution,
        refund);
  }
}
