package com.marketplace.disputes.security;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * What one sequence can see of the world after a step, read straight from the service's tables
 * and the engine: its orders, the disputes, contacts and appeals on them, and every open task of
 * the engine (called returnAndRefund instances included, and whatever a hostile move started).
 */
final class PolicySnapshot {

  record OrderRow(String orderId, String buyerId, String sellerId, BigDecimal amount) {}

  record DisputeRow(String disputeId, String orderId, String processInstanceId, String buyerId,
      String sellerId, String status, BigDecimal orderAmount, String closureReason,
      OffsetDateTime closedAt, String decidedBy, String appealId) {
    boolean closed() {
      return closedAt != null;
    }
  }

  record ContactRow(String contactId, String orderId, String processInstanceId, String buyerId,
      String sellerId, String status) {
    boolean open() {
      return status.startsWith("AWAITING");
    }
  }

  record AppealRow(String appealId, String disputeId, String processInstanceId, String status,
      String appellantId) {
    /** An appeal still in review or carrying out its decision. */
    boolean active() {
      return "IN_REVIEW".equals(status) || "DECIDED".equals(status);
    }
  }

  /** An open task with the process instance it belongs to and that instance's root. */
  record TaskRow(String id, String key, String assignee, String processInstanceId,
      String businessKey, String processKey, String rootId, String rootKey) {}

  final Map<String, OrderRow> orders = new LinkedHashMap<>();
  final Map<String, DisputeRow> disputes = new LinkedHashMap<>();
  final Map<String, ContactRow> contacts = new LinkedHashMap<>();
  final Map<String, AppealRow> appeals = new LinkedHashMap<>();
  final List<TaskRow> tasks = new ArrayList<>();

  static PolicySnapshot read(PolicyWorld world, Collection<String> orderIds) {
    PolicySnapshot snapshot = new PolicySnapshot();
    if (!orderIds.isEmpty()) {
      world.jdbc.sql("select order_id, buyer_id, seller_id, amount from market_order"
              + " where order_id in (:ids) order by order_id")
          .param("ids", orderIds)
          .query((rs, i) -> new OrderRow(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getBigDecimal(4)))
          .list().forEach(o -> snapshot.orders.put(o.orderId(), o));
      world.jdbc.sql("select " + DISPUTE_COLUMNS + " from dispute where order_id in (:ids)"
              + " order by opened_at, dispute_id")
          .param("ids", orderIds).query(PolicySnapshot::dispute).list()
          .forEach(d -> snapshot.disputes.put(d.disputeId(), d));
      world.jdbc.sql("select contact_id, order_id, process_instance_id, buyer_id, seller_id, status"
              + " from contact where order_id in (:ids) order by opened_at, contact_id")
          .param("ids", orderIds)
          .query((rs, i) -> new ContactRow(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(4), rs.getString(5), rs.getString(6)))
          .list().forEach(c -> snapshot.contacts.put(c.contactId(), c));
    }
    if (!snapshot.disputes.isEmpty()) {
      world.jdbc.sql("select appeal_id, dispute_id, process_instance_id, status, appellant_id"
              + " from appeal where dispute_id in (:ids) order by opened_at, appeal_id")
          .param("ids", snapshot.disputes.keySet())
          .query((rs, i) -> new AppealRow(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(4), rs.getString(5)))
          .list().forEach(a -> snapshot.appeals.put(a.appealId(), a));
    }
    snapshot.readTasks(world);
    return snapshot;
  }

  static final String DISPUTE_COLUMNS = "dispute_id, order_id, process_instance_id, buyer_id,"
      + " seller_id, status, order_amount, closure_reason, closed_at, decided_by, appeal_id";

  static DisputeRow dispute(ResultSet rs, int row) throws SQLException {
    return new DisputeRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getString(8),
        rs.getObject(9, OffsetDateTime.class), rs.getString(10), rs.getString(11));
  }

  /**
   * Every open task of the engine. Sequences run one after the other and each deletes what it
   * left running, so these are this sequence's tasks, whatever started them.
   */
  private void readTasks(PolicyWorld world) {
    Map<String, Task> found = new LinkedHashMap<>();
    world.taskService.createTaskQuery().list().forEach(t -> found.put(t.getId(), t));
    if (found.isEmpty()) {
      return;
    }
    Map<String, ProcessInstance> instances = new HashMap<>();
    Set<String> ids = new LinkedHashSet<>();
    found.values().forEach(t -> ids.add(t.getProcessInstanceId()));
    world.runtimeService.createProcessInstanceQuery().processInstanceIds(ids).list()
        .forEach(pi -> instances.put(pi.getId(), pi));
    Set<String> rootIds = new LinkedHashSet<>();
    instances.values().forEach(pi -> rootIds.add(pi.getRootProcessInstanceId()));
    rootIds.removeAll(instances.keySet());
    if (!rootIds.isEmpty()) {
      world.runtimeService.createProcessInstanceQuery().processInstanceIds(rootIds).list()
          .forEach(pi -> instances.put(pi.getId(), pi));
    }
    for (Task task : found.values()) {
      ProcessInstance pi = instances.get(task.getProcessInstanceId());
      ProcessInstance root = pi == null ? null : instances.get(pi.getRootProcessInstanceId());
      tasks.add(new TaskRow(task.getId(), task.getTaskDefinitionKey(), task.getAssignee(),
          task.getProcessInstanceId(), pi == null ? null : pi.getBusinessKey(),
          pi == null ? null : world.processKey(pi.getProcessDefinitionId()),
          root == null ? null : root.getId(),
          root == null ? null : world.processKey(root.getProcessDefinitionId())));
    }
  }

  List<TaskRow> tasks(String key) {
    return tasks.stream().filter(t -> t.key().equals(key)).toList();
  }

  /** The dispute a task or record belongs to, read from the dispute table if not in view. */
  Optional<DisputeRow> dispute(PolicyWorld world, String disputeId) {
    if (disputeId == null) {
      return Optional.empty();
    }
    DisputeRow known = disputes.get(disputeId);
    if (known != null) {
      return Optional.of(known);
    }
    return world.jdbc.sql("select " + DISPUTE_COLUMNS + " from dispute where dispute_id = :id")
        .param("id", disputeId).query(PolicySnapshot::dispute).optional();
  }

  Optional<AppealRow> appealByInstance(String processInstanceId) {
    return appeals.values().stream()
        .filter(a -> processInstanceId != null && processInstanceId.equals(a.processInstanceId()))
        .findFirst();
  }
}
