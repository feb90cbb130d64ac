package com.marketplace.disputes.dispute;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The buyer changed the claim (DisputeModified). If the seller is still to respond, the seller's
 * clock restarts: the reminder and deadline timers are recalculated from now, and the task's
 * due date follows the deadline.
 */
@Component
public class ModifyClaimDelegate implements JavaDelegate {

  private final ClaimChanges claimChanges;
  private final DisputeRecords records;
  private final TaskService taskService;
  private final ManagementService managementService;

  public ModifyClaimDelegate(ClaimChanges claimChanges, DisputeRecords records,
      TaskService taskService, ManagementService managementService) {
    this.claimChanges = claimChanges;
    this.records = records;
    this.taskService = taskService;
    this.managementService = managementService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    claimChanges.apply(execution, "CLAIM_MODIFIED");
    Task sellerTask = taskService.createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey("RespondToDispute").singleResult();
    if (sellerTask == null) {
      return;
    }
    Instant deadline = null;
    for (Job timer : managementService.createJobQuery().executionId(sellerTask.getExecutionId())
        .timers().list()) {
      managementService.recalculateJobDuedate(timer.getId(), false);
      Instant due = managementService.createJobQuery().jobId(timer.getId()).singleResult()
          .getDuedate().toInstant();
      deadline = deadline == null || due.isAfter(deadline) ? due : deadline;
    }
    if (deadline != null) {
      sellerTask.setDueDate(Date.from(deadline));
      taskService.saveTask(sellerTask);
      records.dueAt(DisputeVariables.of(execution).disputeId(), deadline);
    }
  }
}
