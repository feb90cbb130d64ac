package com.marketplace.disputes.benchmark;

import com.marketplace.disputes.demo.HistoryWriter;
import com.marketplace.disputes.identity.DisputeAccess;
import com.marketplace.disputes.kernel.Ids;
import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.timeline.ActorRole;
import com.marketplace.disputes.timeline.EventKind;
import com.marketplace.disputes.timeline.TimelineEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opens disputes cheaply, straight at the seller's wait state, for the storm and the open state:
 * the domain rows (the dispute, its REQUESTED and OPENED timeline entries) go through the
 * {@link HistoryWriter}, a chunk of disputes in a few statements, and the process instance starts
 * before {@code RespondToDispute} with the variables the opening steps would have set. The task's create listener, the boundary timers and the message subscriptions
 * are the engine's own, and the parties get their grants from the application's own code, so the
 * dispute escalates as one opened through the start event would. What this skips: the opening
 * steps' history (register, eligibility decision, open) and the seller's "dispute opened" notice.
 *
 * <p>Many disputes share one engine command, which is what makes it cheap: one flush writes them
 * in JDBC batches and one commit ends it. Inside the command the grants find the new instance in
 * the command's cache, as they do when OpenDispute calls them, instead of querying for it.
 */
final class WaitingDisputes {

  /** Disputes per transaction. */
  private static final int CHUNK = 50;

  private static final BigDecimal ORDER_AMOUNT = new BigDecimal("49.90");

  /** Variables whose values differ from dispute to dispute by nature. */
  private static final Set<String> OWN_VALUES = Set.of("disputeId", "orderId", "buyerId",
      "sellerId");

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final HistoryWriter history;
  private final CommandExecutor commands;
  private final DisputeAccess access;
  private final Population population;

  WaitingDisputes(ProcessEngine engine, JdbcTemplate jdbc, DisputeAccess access,
      Population population) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.history = new HistoryWriter(JdbcClient.create(jdbc));
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    this.access = access;
    this.population = population;
  }

  /** Opens one dispute for each order number from {@code firstOrder}, on several threads. */
  void open(int firstOrder, int count, int threads) throws Exception {
    int chunks = (count + CHUNK - 1) / CHUNK;
    Lifecycles.inParallel(threads, chunks, engine::getRuntimeService, (runtime, chunk) -> {
      int from = firstOrder + chunk * CHUNK;
      int to = Math.min(firstOrder + count, from + CHUNK);
      commands.execute(commandContext -> {
        openChunk(runtime, from, to);
        return null;
      });
    });
  }

  private void openChunk(RuntimeService runtime, int from, int to) {
    Instant now = Instant.now();
    List<String> ids = new ArrayList<>();
    List<Map<String, Object>> disputes = new ArrayList<>();
    List<TimelineEvent> events = new ArrayList<>();
    for (int number = from; number < to; number++) {
      Map<String, Object> claim = claim(number);
      String id = Ids.next("D");
      ids.add(id);
      // As RegisterDispute inserts and OpenDispute opens it: status OPEN, the order's lock taken.
      Map<String, Object> dispute = new LinkedHashMap<>();
      dispute.put("dispute_id", id);
      dispute.put("order_id", Population.orderId(number));
      dispute.put("buyer_id", population.buyer(number));
      dispute.put("seller_id", population.seller(number));
      dispute.put("status", "OPEN");
      dispute.put("reason", claim.get("reason"));
      dispute.put("item_received", claim.get("itemReceived"));
      dispute.put("description", claim.get("description"));
      dispute.put("requested_resolution", claim.get("requestedResolution"));
      dispute.put("order_amount", ORDER_AMOUNT);
      dispute.put("currency", "USD");
      dispute.put("opened_at", now);
      dispute.put("order_lock", Population.orderId(number));
      disputes.add(dispute);
      events.add(TimelineEvent.by(id, population.buyer(number), ActorRole.BUYER,
              EventKind.REQUESTED).detail((String) claim.get("description"))
          .naming((String) claim.get("requestedResolution"), null).at(now));
      events.add(TimelineEvent.system(id, EventKind.OPENED).at(now));
    }
    history.disputes(disputes);
    history.events(events);
    List<Object[]> instances = new ArrayList<>();
    for (int number = from; number < to; number++) {
      String id = ids.get(number - from);
      ProcessInstance instance = runtime.createProcessInstanceByKey("disputeMediation")
          .businessKey(id)
          .setVariables(variables(number, id))
          .startBeforeActivity("RespondToDispute")
          .execute();
      access.grantParties(instance.getId(), population.buyer(number), population.seller(number));
      instances.add(new Object[] {instance.getId(), id});
    }
    jdbc.batchUpdate("update dispute set process_instance_id = ? where dispute_id = ?",
        instances);
  }

  private Map<String, Object> claim(int number) {
    return DisputeDriver.claim(Population.orderId(number), population.buyer(number));
  }

  /**
   * The variables a dispute holds when its seller's task opens: the buyer's claim, what
   * RegisterDispute copies from the order, and the eligibility decision's outputs.
   */
  private Map<String, Object> variables(int number, String disputeId) {
    Map<String, Object> variables = new HashMap<>(claim(number));
    variables.put("disputeId", disputeId);
    variables.put("problemDetail", null);
    variables.put("requestedAmount", null);
    variables.put("sellerId", population.seller(number));
    variables.put("orderAmount", ORDER_AMOUNT.toPlainString());
    variables.put("currency", "USD");
    variables.put("eligible", true);
    variables.put("ineligibilityReason", null);
    // The decision's single result as the engine maps it: its entries in a map.
    Map<String, Object> eligibilityResult = new HashMap<>();
    eligibilityResult.put("eligible", true);
    eligibilityResult.put("ineligibilityReason", null);
    variables.put("eligibilityResult", eligibilityResult);
    return variables;
  }

  /**
   * What escalation reads or changes of a dispute, without its ids and times: variables (name,
   * type, value), jobs and their delay after the dispute was opened, the task, the message
   * subscriptions, the grants, and the dispute's row and timeline. Two disputes for which this is
   * equal escalate alike.
   */
  Map<String, Object> shape(String disputeId) {
    Map<String, Object> shape = new TreeMap<>();
    String instanceId = jdbc.queryForObject(
        "select process_instance_id from dispute where dispute_id = ?", String.class, disputeId);
    Instant[] openedAndDue = jdbc.queryForObject(
        "select opened_at, due_at from dispute where dispute_id = ?", (rs, row) -> new Instant[] {
            rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()}, disputeId);
    Instant opened = openedAndDue[0];
    Map<String, String> variables = new TreeMap<>();
    engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instanceId)
        .list().forEach(variable -> variables.put(variable.getName(), variable.getTypeName()
            + (variable.getTypedValue() instanceof ObjectValue object
                ? " " + object.getObjectTypeName() + " as " + object.getSerializationDataFormat()
                : "")
            + ":" + (OWN_VALUES.contains(variable.getName()) ? "(own)" : variable.getValue())));
    shape.put("variables", variables);
    List<String> jobs = new ArrayList<>();
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instanceId)
        .orderByJobDuedate().asc().list()) {
      String activity = engine.getManagementService().createJobDefinitionQuery()
          .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
      long delayHours = job.getDuedate() == null ? -1
          : Math.round((job.getDuedate().getTime() - opened.toEpochMilli()) / 3_600_000.0);
      jobs.add(activity + " due +" + delayHours + "h, retries " + job.getRetries()
          + ", priority " + job.getPriority());
    }
    shape.put("jobs", jobs);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
        .singleResult();
    shape.put("task", task.getTaskDefinitionKey() + " for " + (task.getAssignee()
        .equals(jdbc.queryForObject("select seller_id from dispute where dispute_id = ?",
            String.class, disputeId)) ? "the seller" : task.getAssignee())
        + ", due +" + Math.round((task.getDueDate().getTime() - opened.toEpochMilli())
            / 3_600_000.0) + "h");
    shape.put("subscriptions", jdbc.queryForList("""
        select event_name_ from act_ru_event_subscr where proc_inst_id_ = ?
        order by event_name_""", String.class, instanceId));
    shape.put("grants", jdbc.queryForList("""
        select resource_type_ || ' ' || perms_ from act_ru_authorization
        where resource_id_ = ? order by resource_type_, perms_""", String.class, instanceId));
    shape.put("row", jdbc.queryForMap("""
        select status, awaiting, overdue, order_lock = order_id as order_locked, reason,
          item_received, problem_detail, description, requested_resolution, requested_amount,
          order_amount, currency, escalation_reason, closure_reason
        from dispute where dispute_id = ?""", disputeId).toString() + ", due +"
        + Math.round((openedAndDue[1].toEpochMilli() - opened.toEpochMilli()) / 3_600_000.0)
        + "h");
    shape.put("timeline", jdbc.queryForList("""
        select actor_role || ' ' || event_type from dispute_event where dispute_id = ?
        order by event_id""", String.class, disputeId));
    return shape;
  }
}
