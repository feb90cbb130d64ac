package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeVariables.DECIDED_BY;
import static com.marketplace.disputes.dispute.DisputeVariables.DECISION_AMOUNT;
import static com.marketplace.disputes.dispute.DisputeVariables.DECISION_RATIONALE;
import static com.marketplace.disputes.dispute.DisputeVariables.EVIDENCE_PARTY;
import static com.marketplace.disputes.dispute.DisputeVariables.EVIDENCE_REQUEST;
import static com.marketplace.disputes.dispute.DisputeVariables.EVIDENCE_REQUESTED_FROM;
import static com.marketplace.disputes.dispute.DisputeVariables.PLATFORM_DECISION;

import java.math.BigDecimal;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks the mediator's decision: a rationale always (an unexplained decision is the most common
 * complaint), an amount for a partial refund, a party and a request when asking for evidence.
 */
@Component
public class DecideDisputeListener implements TaskListener {

  private final DisputeRecords records;
  private final Requester requester;

  public DecideDisputeListener(DisputeRecords records, Requester requester) {
    this.records = records;
    this.requester = requester;
  }

  @Override
  public void notify(DelegateTask task) {
    DisputeVariables vars = DisputeVariables.of(task);
    TaskAnswers answers = new TaskAnswers(task);
    String decision = answers.choice(PLATFORM_DECISION, Set.of("FULL_REFUND", "PARTIAL_REFUND",
        "RETURN_AND_REFUND", "REJECT_CLAIM", "REQUEST_EVIDENCE"));
    String rationale = answers.text(DECISION_RATIONALE, 4000);
    BigDecimal amount = null;
    String party = null;
    String request = null;
    if ("PARTIAL_REFUND".equals(decision)) {
      amount = Claim.partialAmount(DECISION_AMOUNT, answers.raw(DECISION_AMOUNT),
          vars.orderAmount(), answers.errors());
    }
    if ("REQUEST_EVIDENCE".equals(decision)) {
      party = answers.choice(EVIDENCE_REQUESTED_FROM, Set.of("BUYER", "SELLER"));
      request = answers.text(EVIDENCE_REQUEST, 4000);
    }
    answers.check();

    String mediator = task.getAssignee() != null ? task.getAssignee() : requester.actorOr("system");
    if (amount != null) {
      task.setVariable(DECISION_AMOUNT, Money.format(amount));
    }
    if (party != null) {
      String partyId = "BUYER".equals(party) ? vars.buyerId() : vars.sellerId();
      task.setVariable(EVIDENCE_PARTY, partyId);
      records.event(vars.disputeId(), mediator, "PLATFORM", "EVIDENCE_REQUESTED",
          party + ": " + request, null, null);
    } else {
      task.setVariable(DECIDED_BY, mediator);
    }
  }
}
