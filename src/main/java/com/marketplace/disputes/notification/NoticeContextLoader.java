package com.marketplace.disputes.notification;

import com.marketplace.disputes.config.DisputePolicy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gathers the facts of a notice from the process variables, the dispute record, the order and
 * the engine's tasks and timers (for the deadline the notice names).
 */
@Component
class NoticeContextLoader {

  private final JdbcTemplate jdbc;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final DisputePolicy policy;

  NoticeContextLoader(JdbcTemplate jdbc, TaskService taskService,
      ManagementService managementService, DisputePolicy policy) {
    this.jdbc = jdbc;
    this.taskService = taskService;
    this.managementService = managementService;
    this.policy = policy;
  }

  NoticeContext load(Notice notice, DelegateExecution execution) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    String businessKey = execution.getProcessBusinessKey();
    String disputeId = string(execution.getVariable("disputeId"));
    DisputeRow dispute = disputeId == null ? null : findDispute(disputeId);
    String orderId = firstNonNull(string(execution.getVariable("orderId")),
        dispute == null ? null : dispute.orderId());
    OrderRow order = orderId == null ? null : findOrder(orderId);

    Map<Fact, Object> facts = new LinkedHashMap<>();
    for (Fact fact : notice.facts) {
      Object value = execution.getVariable(fact.variable);
      if (value == null && fact == Fact.REFUND_EXPECTED_BY && notice == Notice.DECISION) {
        value = estimatedRefundDate(execution, now);
      }
      if (value != null && !(value instanceof String s && s.isBlank())) {
        facts.put(fact, value);
      }
    }

    Task task = notice.turn == null ? null : openTask(execution, notice.turn);
    Instant deadline = notice.turn == null ? null : deadline(execution, notice.turn, task, dispute, now);

    return new NoticeContext(
        notice,
        businessKey,
        disputeId,
        execution.getProcessInstanceId(),
        orderId,
        order == null ? null : order.title(),
        firstNonNull(NoticeFormat.decimal(execution.getVariable("orderAmount")),
            dispute == null ? null : dispute.orderAmount(), order == null ? null : order.amount()),
        firstNonNull(string(execution.getVariable("currency")),
            dispute == null ? null : dispute.currency(), order == null ? null : order.currency()),
        firstNonNull(string(execution.getVariable("buyerId")),
            dispute == null ? null : dispute.buyerId(), order == null ? null : order.buyerId()),
        firstNonNull(string(execution.getVariable("sellerId")),
            dispute == null ? null : dispute.sellerId(), order == null ? null : order.sellerId()),
        facts,
        deadline,
        task == null ? null : task.getId(),
        dispute == null ? null : dispute.closedAt(),
        now);
  }

  private Task openTask(DelegateExecution execution, Turn turn) {
    List<Task> tasks = taskService.createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(turn.taskKey)
        .orderByTaskCreateTime().desc()
        .list();
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  /**
   * The timer that ends the move knows its deadline best. Before the task exists (the send task
   * runs just before it, in the same transaction as its timer) it is now plus the policy duration.
   */
  private Instant deadline(DelegateExecution execution, Turn turn, Task task, DisputeRow dispute,
      Instant now) {
    if (turn.deadlineTimerId != null) {
      Instant timerDue = managementService.createJobQuery()
          .processInstanceId(execution.getProcessInstanceId())
          .activityId(turn.deadlineTimerId)
          .timers()
          .list().stream()
          .map(Job::getDuedate)
          .filter(Objects::nonNull)
          .map(Date::toInstant)
          .max(Instant::compareTo)
          .orElse(null);
      if (timerDue != null) {
        return timerDue;
      }
    }
    if (task != null && task.getDueDate() != null) {
      return task.getDueDate().toInstant();
    }
    if (turn.duration != null) {
      Instant start = task != null ? task.getCreateTime().toInstant() : now;
      return DisputePolicy.after(start, turn.duration.apply(policy));
    }
    return dispute == null ? null : dispute.dueAt();
  }

  /** Refunds decided now are paid right away; the payment takes the policy's business days. */
  private LocalDate estimatedRefundDate(DelegateExecution execution, Instant now) {
    String resolution = string(execution.getVariable("resolution"));
    BigDecimal refund = NoticeFormat.decimal(execution.getVariable("refundAmount"));
    boolean paidAtOnce = "FULL_REFUND".equals(resolution) || "PARTIAL_REFUND".equals(resolution);
    if (!paidAtOnce || refund == null || refund.signum() <= 0) {
      return null;
    }
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    int left = policy.getRefundBusinessDays();
    while (left > 0) {
      day = day.plusDays(1);
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        left--;
      }
    }
    return day;
  }

  private DisputeRow findDispute(String disputeId) {
    List<DisputeRow> rows = jdbc.query(
        "select order_id, buyer_id, seller_id, order_amount, currency, due_at, closed_at"
            + " from dispute where dispute_id = ?",
        (rs, i) -> new DisputeRow(rs.getString("order_id"), rs.getString("buyer_id"),
            rs.getString("seller_id"), rs.getBigDecimal("order_amount"), rs.getString("currency"),
            instant(rs, "due_at"), instant(rs, "closed_at")),
        disputeId);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private OrderRow findOrder(String orderId) {
    List<OrderRow> rows = jdbc.query(
        "select title, amount, currency, buyer_id, seller_id from market_order where order_id = ?",
        (rs, i) -> new OrderRow(rs.getString("title"), rs.getBigDecimal("amount"),
            rs.getString("currency"), rs.getString("buyer_id"), rs.getString("seller_id")),
        orderId);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private record DisputeRow(String orderId, String buyerId, String sellerId,
      BigDecimal orderAmount, String currency, Instant dueAt, Instant closedAt) {}

  private record OrderRow(String title, BigDecimal amount, String currency, String buyerId,
      String sellerId) {}
}
