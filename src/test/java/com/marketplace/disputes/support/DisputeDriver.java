package com.marketplace.disputes.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Drives disputes in tests as the outside world would: start, complete tasks, fire timers. */
@Component
public class DisputeDriver {

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final HistoryService historyService;

  public DisputeDriver(RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService, HistoryService historyService) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.historyService = historyService;
  }

  /** A valid claim for a full refund of an item that never arrived. */
  public static Map<String, Object> claim(String orderId, String buyerId) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("orderId", orderId);
    vars.put("buyerId", buyerId);
    vars.put("reason", "NOT_RECEIVED");
    vars.put("itemReceived", false);
    vars.put("description", "The parcel never arrived; tracking stopped two weeks ago.");
    vars.put("requestedResolution", "FULL_REFUND");
    return vars;
  }

  /** A buyer's first message to the seller about an order (sellerContact start variables). */
  public static Map<String, Object> contact(String orderId, String buyerId) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("orderId", orderId);
    vars.put("buyerId", buyerId);
    vars.put("buyerMessage", "Hello, my parcel has not arrived yet. Can you check the tracking?");
    return vars;
  }

  /** An appeal of a closed dispute by one of its parties (appealTicket start variables). */
  public static Map<String, Object> appeal(String disputeId, String appellantId) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("disputeId", disputeId);
    vars.put("appellantId", appellantId);
    vars.put("appealStatement", "The carrier has now confirmed in writing that the parcel was lost.");
    return vars;
  }

  /** Starts an instance of any process and runs the asynchronous steps up to the next wait state. */
  public ProcessInstance start(String processKey, Map<String, Object> vars) {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(processKey, vars);
    runAsync(pi.getId());
    return pi;
  }

  /** The instance (running or finished) of {@code processKey} with this business key. */
  public String instanceId(String processKey, String businessKey) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey).singleResult().getId();
  }

  /** Claims the open task for {@code userId}, completes it, and runs what follows. */
  public void completeAs(String processInstanceId, String taskKey, String userId,
      Map<String, Object> vars) {
    String taskId = task(processInstanceId, taskKey).getId();
    taskService.claim(taskId, userId);
    taskService.complete(taskId, vars);
    runAsync(processInstanceId);
  }

  /** Starts a dispute and runs the asynchronous steps up to the next wait state. */
  public ProcessInstance start(Map<String, Object> vars) {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("disputeMediation", vars);
    runAsync(pi.getId());
    return pi;
  }

  /** Runs every due asynchronous continuation of the instance and its called instances. */
  public void runAsync(String processInstanceId) {
    for (int round = 0; round < 50; round++) {
      List<Job> jobs = new ArrayList<>();
      for (String id : instanceTree(processInstanceId)) {
        jobs.addAll(managementService.createJobQuery().processInstanceId(id).messages()
            .executable().list());
      }
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new IllegalStateException("asynchronous steps did not settle");
  }

  /** Fires the timer of the given boundary event, then runs what follows. */
  public void fireTimer(String processInstanceId, String timerId) {
    Job timer = timer(processInstanceId, timerId);
    if (timer == null) {
      throw new IllegalStateException("no timer " + timerId);
    }
    managementService.executeJob(timer.getId());
    runAsync(processInstanceId);
  }

  public Job timer(String processInstanceId, String timerId) {
    for (String id : instanceTree(processInstanceId)) {
      Job job = managementService.createJobQuery().processInstanceId(id).activityId(timerId)
          .timers().singleResult();
      if (job != null) {
        return job;
      }
    }
    return null;
  }

  public Task task(String processInstanceId, String taskKey) {
    for (String id : instanceTree(processInstanceId)) {
      Task task = taskService.createTaskQuery().processInstanceId(id).taskDefinitionKey(taskKey)
          .singleResult();
      if (task != null) {
        return task;
      }
    }
    throw new IllegalStateException("no open task " + taskKey);
  }

  /** Completes the open task and runs the asynchronous steps after it. */
  public void complete(String processInstanceId, String taskKey, Map<String, Object> vars) {
    taskService.complete(task(processInstanceId, taskKey).getId(), vars);
    runAsync(processInstanceId);
  }

  public void correlate(String disputeId, String message, Map<String, Object> vars) {
    runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(disputeId)
        .setVariables(vars).correlate();
  }

  /** The variables as history keeps them, for running and finished instances alike. */
  public Map<String, Object> variables(String processInstanceId) {
    Map<String, Object> vars = new HashMap<>();
    for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).list()) {
      vars.put(v.getName(), v.getValue());
    }
    return vars;
  }

  private List<String> instanceTree(String processInstanceId) {
    List<String> ids = new ArrayList<>();
    ids.add(processInstanceId);
    for (ProcessInstance sub : runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(processInstanceId).list()) {
      ids.add(sub.getId());
    }
    return ids;
  }
}
