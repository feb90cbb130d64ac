package com.marketplace.disputes.dispute;

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

  /** What each task means for the dispute: its status and who is to act. */
  private static final Map<String, String[]> STEPS = Map.of(
      "RespondToDispute", new String[] {"AWAITING_SELLER", "SELLER"},
      "ReviewSellerResponse", new String[] {"AWAITING_BUYER", "BUYER"},
      "DecideDispute", new String[] {"IN_MEDIATION", "PLATFORM"},
      "ProvideEvidence", new String[] {"EVIDENCE_REQUESTED", null},
      "ShipReturn", new String[] {"RETURN_PENDING", "BUYER"},
      "ConfirmReturnReceived", new String[] {"RETURN_IN_TRANSIT", "SELLER"},
      "ReviewAppeal", new String[] {"IN_APPEAL", "PLATFORM"});

  /** The variables a task is completed with, cleared when a new round of it opens. */
  private static final Map<String, List<String>> ANSWERS = Map.of(
      "RespondToDispute", List.of("sellerResponse", "offerResolution", "offerAmount",
          "sellerComment"),
      "ReviewSellerResponse", List.of("buyerDecision"),
      "DecideDispute", List.of("platformDecision", "decisionAmount", "decisionRationale",
          "evidenceRequestedFrom", "evidenceRequest"),
      "ProvideEvidence", List.of("evidenceNote"));

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
    String[] step = STEPS.get(key);
    String disputeId = step == null ? null
        : facts.find(task).map(DisputeFacts.Case::disputeId).orElse(null);
    if (disputeId != null) {
      String party = step[1] != null ? step[1]
          : records.evidenceRequestedFrom(disputeId).orElse(null);
      records.awaiting(disputeId, step[0], party, deadline);
    }
  }
}
