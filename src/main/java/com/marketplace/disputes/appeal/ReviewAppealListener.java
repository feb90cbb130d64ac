package com.marketplace.disputes.appeal;

import static com.marketplace.disputes.appeal.AppealProcess.APPEAL_DECISION;
import static com.marketplace.disputes.appeal.AppealProcess.APPEAL_RATIONALE;
import static com.marketplace.disputes.appeal.AppealProcess.REFUND_AMOUNT;
import static com.marketplace.disputes.appeal.AppealProcess.RESOLUTION;
import static com.marketplace.disputes.appeal.AppealProcess.REVIEWED_BY;

import com.marketplace.disputes.appeal.AppealRecords.AppealRecord;
import com.marketplace.disputes.dispute.Claim;
import com.marketplace.disputes.dispute.DisputeFacts;
import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.dispute.Resolution;
import com.marketplace.disputes.kernel.Codes;
import com.marketplace.disputes.kernel.InvalidRequestException;
import com.marketplace.disputes.kernel.Requester;
import com.marketplace.disputes.kernel.TaskAnswers;
import com.marketplace.disputes.kernel.Text;
import com.marketplace.disputes.policy.DecisionBasis;
import java.math.BigDecimal;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Four eyes on an appeal, enforced by the engine: the mediator who decided the dispute may not
 * review its appeal.
 *
 * <p>On create, a user-level REVOKE on this task takes that mediator's READ, claim and complete
 * away; Camunda ranks it above the senior-mediators group's grant, so even a mediator who is a
 * senior mediator too neither sees nor works the task. Assigning the task to that mediator
 * (which would give them a user grant) and completing it as that mediator are refused here,
 * whatever authorizations the caller holds.
 *
 * <p>On complete it checks the decision: UPHOLD keeps the dispute's outcome; OVERTURN names a
 * different one, its amount below the recorded order amount. The decision is recorded on the
 * appeal's row in the completion's transaction, and an overturn's outcome on the dispute's row
 * as what is now to be carried out. The deciding mediator is the one the dispute's row names.
 * Like the dispute's decision, it names the policy rules it applies and the evidence it relied
 * on ({@link DecisionBasis}), recorded under the appeal's id.
 */
@Component
public class ReviewAppealListener implements TaskListener {

  private static final String SYSTEM = "system";

  private final AuthorizationService authorizationService;
  private final Requester requester;
  private final DisputeFacts facts;
  private final AppealRecords appeals;
  private final DisputeRecords disputes;
  private final DecisionBasis basis;

  public ReviewAppealListener(AuthorizationService authorizationService, Requester requester,
      DisputeFacts facts, AppealRecords appeals, DisputeRecords disputes, DecisionBasis basis) {
    this.authorizationService = authorizationService;
    this.requester = requester;
    this.facts = facts;
    this.appeals = appeals;
    this.disputes = disputes;
    this.basis = basis;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> keepDeciderOut(task);
      case EVENTNAME_ASSIGNMENT -> refuseDecider(task, task.getAssignee(), "be assigned");
      case EVENTNAME_COMPLETE -> complete(task);
      default -> { }
    }
  }

  private void keepDeciderOut(DelegateTask task) {
    String decider = decider(task);
    if (decider == null) {
      return;
    }
    Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(decider);
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(task.getId());
    for (TaskPermissions permission : new TaskPermissions[] {TaskPermissions.READ,
        TaskPermissions.UPDATE, TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN,
        TaskPermissions.READ_VARIABLE, TaskPermissions.UPDATE_VARIABLE, TaskPermissions.DELETE}) {
      revoke.removePermission(permission);
    }
    authorizationService.saveAuthorization(revoke);
  }

  private void complete(DelegateTask task) {
    refuseDecider(task, requester.userId(), "complete");
    refuseDecider(task, task.getAssignee(), "complete");

    Case appeal = facts.of(task);
    AppealRecord record = appeals.find(appeal.appealId()).orElseThrow();
    TaskAnswers answers = new TaskAnswers(task);
    AppealDecision decision = answers.choice(APPEAL_DECISION, AppealDecision.class);
    String rationale = answers.text(APPEAL_RATIONALE, 4000);
    String previous = record.previousResolution();
    BigDecimal previousRefund = record.previousRefund();
    String resolution = previous;
    BigDecimal refund = previousRefund;
    if (decision == AppealDecision.OVERTURN) {
      Resolution overturned = answers.choice(RESOLUTION, Resolution.class);
      resolution = Codes.name(overturned);
      BigDecimal partial = null;
      if (overturned == Resolution.PARTIAL_REFUND) {
        partial = Claim.partialAmount(REFUND_AMOUNT, answers.raw(REFUND_AMOUNT),
            appeal.orderAmount(), answers.errors());
      }
      refund = overturned == null ? null : overturned.refund(partial, appeal.orderAmount());
      if (resolution != null && refund != null && resolution.equals(previous)
          && previousRefund != null && refund.compareTo(previousRefund) == 0) {
        answers.error(RESOLUTION, "is the outcome the dispute has already: an overturn changes "
            + "it; to keep it, UPHOLD");
      }
    }
    DecisionBasis.Answer grounds = basis.read(answers, appeal.disputeId(), true);
    answers.check();

    String reviewer = task.getAssignee() != null ? task.getAssignee() : requester.actorOr(SYSTEM);
    task.setVariable(REVIEWED_BY, reviewer);
    appeals.decided(appeal.appealId(), decision.name(), rationale, reviewer, resolution, refund);
    basis.record(appeal.appealId(), appeal.disputeId(), decision.name(), grounds);
    if (decision == AppealDecision.OVERTURN) {
      facts.settle(task, appeal.disputeId(), resolution, refund);
    } else {
      facts.writeOutcome(task);
    }
  }

  /** The mediator who decided the dispute, as its row says, if a mediator did. */
  private String decider(DelegateTask task) {
    String decidedBy = Text.trimmed(facts.dispute(facts.of(task)).decidedBy());
    return decidedBy == null || SYSTEM.equals(decidedBy) ? null : decidedBy;
  }

  private void refuseDecider(DelegateTask task, String userId, String action) {
    String decider = decider(task);
    if (decider != null && decider.equals(userId)) {
      throw InvalidRequestException.of("Four eyes", "assignee",
          userId + " decided this dispute and cannot " + action + " the review of its appeal");
    }
  }
}
