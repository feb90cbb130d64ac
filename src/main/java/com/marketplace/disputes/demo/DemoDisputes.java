package com.marketplace.disputes.demo;

import com.marketplace.disputes.config.StartupOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: five disputes standing at different steps, so a new user sees the mediation
 * queue, a pending offer, an evidence request and a closed case. Each is created once (an order
 * that already has a dispute is left alone), so restarts add nothing.
 */
@Component
@Profile("demo")
public class DemoDisputes {

  private static final Logger log = LoggerFactory.getLogger(DemoDisputes.class);
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final JdbcClient jdbc;

  public DemoDisputes(RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService, JdbcClient jdbc) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(StartupOrder.DEMO_DISPUTES)
  public void createDemoDisputes() {
    whenNew("ORD-1006", "buyer1", "NOT_RECEIVED", false, null,
        "The shoes never arrived; tracking has shown 'in transit' for two weeks.", "FULL_REFUND",
        pi -> { });
    whenNew("ORD-1007", "buyer1", "DAMAGED", true, "OTHER",
        "Two of the four mugs arrived broken, the box was crushed on one side.", "FULL_REFUND",
        pi -> complete(pi, "RespondToDispute", Map.of("sellerResponse", "COUNTER_OFFER",
            "offerResolution", "PARTIAL_REFUND", "offerAmount", "17.50",
            "sellerComment", "We refund the two broken mugs.")));
    whenNew("ORD-1008", "buyer2", "NOT_AS_DESCRIBED", true, "MODEL",
        "Ordered the brown-switch model, received the red-switch one.", "RETURN_AND_REFUND",
        pi -> {
          complete(pi, "RespondToDispute", Map.of("sellerResponse", "REJECT",
              "sellerComment", "The listing shows red switches in the photos."));
          complete(pi, "ReviewSellerResponse", Map.of("buyerDecision", "ESCALATE"));
          awaitTask(pi, "DecideDispute");
        });
    whenNew("ORD-1009", "buyer2", "QUALITY_PROBLEM", true, "MATERIAL",
        "The jacket's zip broke on the second day and the lining is torn.", "PARTIAL_REFUND",
        Map.of("requestedAmount", "60.00"),
        pi -> {
          runtimeService.createMessageCorrelation("DisputeEscalationRequested")
              .processInstanceId(pi.getId()).setVariable("requestedBy", "BUYER").correlate();
          complete(pi, "DecideDispute", Map.of("platformDecision", "REQUEST_EVIDENCE",
              "evidenceRequestedFrom", "SELLER",
              "evidenceRequest", "Please send the quality check record for this jacket.",
              "decisionRationale", "Both sides need to be heard before a decision."));
          awaitTask(pi, "ProvideEvidence");
        });
    whenNew("ORD-1010", "buyer2", "DAMAGED", true, "DOES_NOT_WORK",
        "The bottle leaks from the lid seal as soon as it is tilted.", "FULL_REFUND",
        pi -> complete(pi, "RespondToDispute", Map.of("sellerResponse", "ACCEPT",
            "sellerComment", "Sorry about that, refund on its way.")));
  }

  private interface Step {
    void drive(ProcessInstance pi);
  }

  private void whenNew(String orderId, String buyerId, String reason, boolean received,
      String detail, String description, String resolution, Step step) {
    whenNew(orderId, buyerId, reason, received, detail, description, resolution, Map.of(), step);
  }

  private void whenNew(String orderId, String buyerId, String reason, boolean received,
      String detail, String description, String resolution, Map<String, Object> extra,
      Step step) {
    long existing = jdbc.sql("select count(*) from dispute where order_id = :id")
        .param("id", orderId).query(Long.class).single();
    if (existing > 0) {
      return;
    }
    Map<String, Object> vars = new HashMap<>(extra);
    vars.put("orderId", orderId);
    vars.put("buyerId", buyerId);
    vars.put("reason", reason);
    vars.put("itemReceived", received);
    if (detail != null) {
      vars.put("problemDetail", detail);
    }
    vars.put("description", description);
    vars.put("requestedResolution", resolution);
    try {
      ProcessInstance pi = runtimeService.startProcessInstanceByKey("disputeMediation", vars);
      awaitTask(pi, "RespondToDispute");
      step.drive(pi);
      log.info("Demo dispute for {} created", orderId);
    } catch (ProcessEngineException | IllegalStateException e) {
      log.warn("Demo dispute for {} not completed: {}", orderId, e.getMessage());
    }
  }

  private void complete(ProcessInstance pi, String taskKey, Map<String, Object> vars) {
    taskService.complete(awaitTask(pi, taskKey).getId(), vars);
  }

  /**
   * Waits for the task, running the instance's due asynchronous steps itself rather than waiting
   * for the job executor's next acquisition (a job both run is simply skipped by the loser).
   */
  private Task awaitTask(ProcessInstance pi, String taskKey) {
    Instant until = Instant.now().plus(STEP_TIMEOUT);
    while (Instant.now().isBefore(until)) {
      Task task = taskService.createTaskQuery().processInstanceId(pi.getId())
          .taskDefinitionKey(taskKey).singleResult();
      if (task != null) {
        return task;
      }
      for (Job job : managementService.createJobQuery().processInstanceId(pi.getId()).messages()
          .executable().list()) {
        try {
          managementService.executeJob(job.getId());
        } catch (ProcessEngineException raced) {
          log.debug("Demo step {} ran elsewhere: {}", job.getId(), raced.getMessage());
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    throw new IllegalStateException("no task " + taskKey + " within " + STEP_TIMEOUT);
  }
}
