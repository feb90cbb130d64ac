package com.marketplace.disputes.dispute;

import com.marketplace.disputes.timeline.EventKind;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The buyer changed the claim (DisputeModified). If the seller is still to respond, the seller's
 * clock restarts: the reminder and deadline timers are recalculated from now (the reminder armed
 * again if it has already fired), and the task's due date follows the deadline.
 */
@Component
public class ModifyClaimDelegate implements JavaDelegate {

  /** The seller's reminder, a non-interrupting timer on RespondToDispute. */
  static final String REMINDER = DisputeProcess.SELLER_RESPONSE_REMINDER;

  private final ClaimChanges claimChanges;
  private final DisputeRecords records;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final DisputeFacts facts;

  public ModifyClaimDelegate(ClaimChanges claimChanges, DisputeRecords records,
      TaskService taskService, ManagementService managementService, DisputeFacts facts) {
    this.facts = facts;
    this.claimChanges = claimChanges;
    this.records = records;
    this.taskService = taskService;
    this.managementService = managementService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    claimChanges.apply(execution, EventKind.CLAIM_MODIFIED);
    Task sellerTask = taskService.createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(DisputeProcess.RESPOND_TO_DISPUTE).singleResult();
    if (sellerTask == null) {
      return;
    }
    Instant deadline = null;
    boolean reminderWaiting = managementService.createJobQuery()
        .executionId(sellerTask.getExecutionId()).activityId(REMINDER).timers().count() > 0;
    for (Job timer : managementService.createJobQuery().executionId(sellerTask.getExecutionId())
        .timers().list()) {
      managementService.recalculateJobDuedate(timer.getId(), false);
      Instant due = managementService.createJobQuery().jobId(timer.getId()).singleResult()
          .getDuedate().toInstant();
      deadline = deadline == null || due.isAfter(deadline) ? due : deadline;
    }
    if (!reminderWaiting) {
      armReminderAgain(sellerTask.getExecutionId());
    }
    if (deadline != null) {
      sellerTask.setDueDate(Date.from(deadline));
      taskService.saveTask(sellerTask);
      records.dueAt(facts.of(execution).disputeId(), deadline);
    }
  }

  /**
   * The reminder has already fired: it is armed again on the seller's task, from now, as the
   * engine arms it when the task starts. The engine's API only moves timers that still wait.
   */
  private static void armReminderAgain(String taskExecutionId) {
    ExecutionEntity taskExecution = Context.getCommandContext().getExecutionManager()
        .findExecutionById(taskExecutionId);
    TimerDeclarationImpl reminder = TimerDeclarationImpl
        .getDeclarationsForScope(taskExecution.getActivity()).get(REMINDER);
    if (reminder != null) {
      reminder.createTimerInstance(taskExecution);
    }
  }
}
