package com.marketplace.disputes.dispute;

import static com.marketplace.disputes.dispute.DisputeProcess.BUYER_DECISION;
import static com.marketplace.disputes.dispute.DisputeProcess.DECIDE_DISPUTE;
import static com.marketplace.disputes.dispute.DisputeProcess.DECISION_AMOUNT;
import static com.marketplace.disputes.dispute.DisputeProcess.DECISION_RATIONALE;
import static com.marketplace.disputes.dispute.DisputeProcess.EVIDENCE_NOTE;
import static com.marketplace.disputes.dispute.DisputeProcess.EVIDENCE_REQUEST;
import static com.marketplace.disputes.dispute.DisputeProcess.EVIDENCE_REQUESTED_FROM;
import static com.marketplace.disputes.dispute.DisputeProcess.OFFER_AMOUNT;
import static com.marketplace.disputes.dispute.DisputeProcess.OFFER_RESOLUTION;
import static com.marketplace.disputes.dispute.DisputeProcess.PLATFORM_DECISION;
import static com.marketplace.disputes.dispute.DisputeProcess.PROVIDE_EVIDENCE;
import static com.marketplace.disputes.dispute.DisputeProcess.RESPOND_TO_DISPUTE;
import static com.marketplace.disputes.dispute.DisputeProcess.REVIEW_SELLER_RESPONSE;
import static com.marketplace.disputes.dispute.DisputeProcess.SELLER_COMMENT;
import static com.marketplace.disputes.dispute.DisputeProcess.SELLER_RESPONSE;

import com.marketplace.disputes.appeal.AppealProcess;
import com.marketplace.disputes.policy.DecisionBasis;
import com.marketplace.disputes.refund.ReturnAndRefundProcess;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Opens a party's or the platform's task: notes on the dispute whose move it is and until when,
 * and clears the answer of an earlier round of the same task so an old answer never completes a
 * new one. The task's due date comes from the model: each task's {@code camunda:dueDate} is the
 * duration of its deadline (or SLA) timer, from the same moment, so the date people see is the
 * date the engine acts on (the models' test holds each task to its timer).
 */
@Component
public class TaskDeadlineListener implements TaskListener {

  /** What a task means for the dispute: its status and who is to act (null: asked for). */
  private record Step(DisputeStatus status, String awaiting) {}

  private static final Map<String, Step> STEPS = Map.of(
      RESPOND_TO_DISPUTE, new Step(DisputeStatus.AWAITING_SELLER, "SELLER"),
      REVIEW_SELLER_RESPONSE, new Step(DisputeStatus.AWAITING_BUYER, "BUYER"),
      DECIDE_DISPUTE, new Step(DisputeStatus.IN_MEDIATION, "PLATFORM"),
      PROVIDE_EVIDENCE, new Step(DisputeStatus.EVIDENCE_REQUESTED, null),
      ReturnAndRefundProcess.SHIP_RETURN, new Step(DisputeStatus.RETURN_PENDING, "BUYER"),
      ReturnAndRefundProcess.CONFIRM_RETURN_RECEIVED,
      new Step(DisputeStatus.RETURN_IN_TRANSIT, "SELLER"),
      AppealProcess.REVIEW_APPEAL, new Step(DisputeStatus.IN_APPEAL, "PLATFORM"));

  /** The variables a task is completed with, cleared when a new round of it opens. */
  private static final Map<String, List<String>> ANSWERS = Map.of(
      RESPOND_TO_DISPUTE, List.of(SELLER_RESPONSE, OFFER_RESOLUTION, OFFER_AMOUNT, SELLER_COMMENT),
      REVIEW_SELLER_RESPONSE, List.of(BUYER_DECISION),
      DECIDE_DISPUTE, List.of(PLATFORM_DECISION, DECISION_AMOUNT, DECISION_RATIONALE,
          EVIDENCE_REQUESTED_FROM, EVIDENCE_REQUEST, DecisionBasis.DECISION_RULES,
          DecisionBasis.DECISION_EVIDENCE_IDS),
      PROVIDE_EVIDENCE, List.of(EVIDENCE_NOTE));

  private final DisputeRecords records;
  private final DisputeFacts facts;

  public TaskDeadlineListener(DisputeRecords records, DisputeFacts facts) {
    this.records = records;
    this.facts = facts;
  }

  @Override
  public void notify(DelegateTask task) {
    String key = task.getTaskDefinitionKey();
    ANSWERS.getOrDefault(key, List.of()).forEach(task.getExecution()::removeVariable);
    Instant deadline = task.getDueDate() == null ? null : task.getDueDate().toInstant();
    Step step = STEPS.get(key);
    String disputeId = step == null ? null
        : facts.find(task).map(DisputeFacts.Case::disputeId).orElse(null);
    if (disputeId != null) {
      String party = step.awaiting() != null ? step.awaiting()
          : records.evidenceRequestedFrom(disputeId).orElse(null);
      records.awaiting(disputeId, step.status(), party, deadline);
    }
  }
}
