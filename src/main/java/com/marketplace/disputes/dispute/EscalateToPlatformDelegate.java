package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeVariables.ESCALATION_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts the dispute in the mediation queue and notes why it came there. */
@Component
public class EscalateToPlatformDelegate implements JavaDelegate {

  private final DisputeRecords records;

  public EscalateToPlatformDelegate(DisputeRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DisputeVariables vars = DisputeVariables.of(execution);
    String reason = vars.string(ESCALATION_REASON);
    records.escalated(vars.disputeId(), reason);
    String actor = switch (reason) {
      case "BUYER_REQUESTED" -> vars.buyerId();
      case "SELLER_REQUESTED" -> vars.sellerId();
      default -> "system";
    };
    String role = switch (reason) {
      case "BUYER_REQUESTED" -> "BUYER";
      case "SELLER_REQUESTED" -> "SELLER";
      default -> "SYSTEM";
    };
    records.event(vars.disputeId(), actor, role, "ESCALATED", reason, null, null);
  }
}
