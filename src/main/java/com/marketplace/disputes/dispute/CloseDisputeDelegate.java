package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeVariables.CLOSURE_REASON;
import static com.marketplace.disputes.dispute.DisputeVariables.NEGOTIATION_OUTCOME;
import static com.marketplace.disputes.dispute.DisputeVariables.PLATFORM_DECISION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Closes the dispute with the contract's closure variables. The closure reason follows from how
 * the dispute went: decided by the platform, or ended between buyer and seller.
 */
@Component
public class CloseDisputeDelegate implements JavaDelegate {

  private final DisputeRecords records;

  public CloseDisputeDelegate(DisputeRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DisputeVariables vars = DisputeVariables.of(execution);
    String closureReason = closureReason(vars);
    vars.set(CLOSURE_REASON, closureReason);
    records.close(vars.disputeId(), "CLOSED", closureReason, vars.resolution(),
        vars.refundAmount(), null);
    records.event(vars.disputeId(), "system", "SYSTEM", "CLOSED", closureReason,
        vars.resolution(), vars.refundAmount());
  }

  static String closureReason(DisputeVariables vars) {
    if (vars.string(PLATFORM_DECISION) != null) {
      return "PLATFORM_DECISION";
    }
    return switch (vars.string(NEGOTIATION_OUTCOME)) {
      case Negotiation.CANCELLED -> "CANCELLED_BY_BUYER";
      case Negotiation.BUYER_NO_RESPONSE -> "BUYER_NO_RESPONSE";
      default -> "AGREEMENT";
    };
  }
}
