package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeProcess.DECIDED_BY;
import static com.marketplace.disputes.dispute.DisputeProcess.DECISION_AMOUNT;
import static com.marketplace.disputes.dispute.DisputeProcess.DECISION_RATIONALE;
import static com.marketplace.disputes.dispute.DisputeProcess.EVIDENCE_PARTY;
import static com.marketplace.disputes.dispute.DisputeProcess.EVIDENCE_REQUEST;
import static com.marketplace.disputes.dispute.DisputeProcess.EVIDENCE_REQUESTED_FROM;
import static com.marketplace.disputes.dispute.DisputeProcess.PLATFORM_DECISION;

import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.kernel.Money;
import com.marketplace.disputes.kernel.Party;
import com.marketplace.disputes.kernel.Requester;
import com.marketplace.disputes.kernel.TaskAnswers;
import com.marketplace.disputes.policy.DecisionBasis;
import com.marketplace.disputes.timeline.ActorRole;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.Timeline;
import com.marketplace.disputes.timeline.TimelineEvent;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks the mediator's decision: a rationale always (an unexplained decision is the most common
 * complaint), an amount for a partial refund, a party and a request when asking for evidence.
 *
 * <p>A decision is recorded on the dispute's row here, in the completion's transaction: the
 * decision and its reasons, and the outcome to carry out with the refund it calls for, an amount
 * below the recorded order amount. A request for evidence records whom it asks. A decision also
 * names the policy rules it applies and the evidence it relied on ({@link DecisionBasis}).
 */
@Component
public class DecideDisputeListener implements TaskListener {

  private final DisputeRecords records;
  private final DisputeFacts facts;
  private final Requester requester;
  private final Timeline timeline;
  private final DecisionBasis basis;

  public DecideDisputeListener(DisputeRecords records, DisputeFacts facts, Requester requester,
      Timeline timeline, DecisionBasis basis) {
    this.records = records;
    this.facts = facts;
    this.requester = requester;
    this.timeline = timeline;
    this.basis = basis;
  }

  @Override
  public void notify(DelegateTask task) {
    Case dispute = facts.of(task);
    TaskAnswers answers = new TaskAnswers(task);
    PlatformDecision decision = answers.choice(PLATFORM_DECISION, PlatformDecision.class);
    String rationale = answers.text(DECISION_RATIONALE, 4000);
    BigDecimal amount = null;
    Party party = null;
    String request = null;
    if (decision == PlatformDecision.PARTIAL_REFUND) {
      amount = Claim.partialAmount(DECISION_AMOUNT, answers.raw(DECISION_AMOUNT),
          dispute.orderAmount(), answers.errors());
    }
    if (decision == PlatformDecision.REQUEST_EVIDENCE) {
      party = answers.choice(EVIDENCE_REQUESTED_FROM, Party.class);
      request = answers.text(EVIDENCE_REQUEST, 4000);
    }
    DecisionBasis.Answer grounds = basis.read(answers, dispute.disputeId(),
        decision != null && decision != PlatformDecision.REQUEST_EVIDENCE);
    answers.check();

    String mediator = task.getAssignee() != null ? task.getAssignee() : requester.actorOr("system");
    if (amount != null) {
      task.setVariable(DECISION_AMOUNT, Money.format(amount));
    }
    if (party != null) {
      records.evidenceRequestedFrom(dispute.disputeId(), party.name());
      task.setVariable(EVIDENCE_PARTY, dispute.party(party));
      timeline.record(TimelineEvent.by(dispute.disputeId(), mediator, ActorRole.PLATFORM,
          EventKind.EVIDENCE_REQUESTED).detail(party + ": " + request));
      return;
    }
    task.setVariable(DECIDED_BY, mediator);
    Resolution resolution = decision.resolution();
    records.decided(dispute.disputeId(), decision.name(), rationale, mediator);
    basis.record(dispute.disputeId(), dispute.disputeId(), decision.name(), grounds);
    records.recordOutcome(dispute.disputeId(), resolution.name(),
        resolution.refund(amount, dispute.orderAmount()));
  }
}
