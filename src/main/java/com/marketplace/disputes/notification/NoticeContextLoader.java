package com.marketplace.disputes.notification;

import com.marketplace.disputes.config.DisputePolicy;
import com.marketplace.disputes.dispute.DisputeFacts;
import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.dispute.DisputeRecords.Outcome;
import com.marketplace.disputes.kernel.Money;
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
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gathers the facts of a notice from the dispute's, contact's or appeal's records, the order, the
 * process variables and the engine's tasks and timers (for the deadline the notice names).
 *
 * <p>Who the parties are, which dispute and order, what the order cost and the outcome are read
 * from the records of the instance's business key; variables are only the facts a step wrote
 * (the claim, an offer, the rationale…). Only a model without records of its own (none of the
 * service's processes) takes the parties from its variables.
 */
@Component
class NoticeContextLoader {

  private final JdbcTemplate jdbc;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final DisputePolicy policy;
  private final DisputeFacts records;

  NoticeContextLoader(JdbcTemplate jdbc, TaskService taskService,
      ManagementService managementService, DisputePolicy policy, DisputeFacts records) {
    this.jdbc = jdbc;
    this.taskService = taskService;
    this.managementService = managementService;
    this.policy = policy;
    this.records = records;
  }

  NoticeContext load(Notice notice, DelegateExecution execution) {
    Optional<Case> recorded = records.find(execution);
    return recorded.isPresent() ? load(notice, execution, recorded.get())
        : loadFromVariables(notice, execution);
  }

  /** One of the service's processes: everything about parties and money from its records. */
  private NoticeContext load(Notice notice, DelegateExecution execution, Case c) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    DisputeRow dispute = c.disputeId() == null ? null : findDispute(c.disputeId());
    OrderRow order = c.orderId() == null ? null : findOrder(c.orderId());
    Optional<Outcome> outcome = c.disputeId() == null ? Optional.empty()
        : records.outcome(c.disputeId());
    Map<Fact, Object> facts = facts(notice, execution, now, outcome);
    Task task = notice.turn == null ? null : openTask(execution, notice.turn);
    Instant deadline = notice.turn == null ? null : deadline(execution, notice.turn, task, dispute, now);
    return new NoticeContext(
        notice,
        c.caseId(),
        c.disputeId(),
        execution.getProcessInstanceId(),
        c.orderId(),
        order == null ? null : order.title(),
        firstNonNull(c.orderAmount(), order == null ? null : order.amount()),
        firstNonNull(c.currency(), order == null ? null : order.currency()),
        c.buyerId(),
        c.sellerId(),
        facts,
        deadline,
        task == null ? null : task.getId(),
        dispute == null ? null : dispute.closedAt(),
        now);
  }

  /** The facts the notice shows; the outcome and its refund as recorded, where there is one. */
  private Map<Fact, Object> facts(Notice notice, DelegateExecution execution, Instant now,
      Optional<Outcome> outcome) {
    Map<Fact, Object> facts = new LinkedHashMap<>();
    for (Fact fact : notice.facts) {
      Object value = execution.getVariable(fact.variable);
      if (outcome.isPresent() && fact == Fact.RESOLUTION) {
        value = outcome.get().resolution();
      } else if (outcome.isPresent() && fact == Fact.REFUND_AMOUNT) {
        value = Money.format(outcome.get().refund());
      }
      if (value == null && fact == Fact.REFUND_EXPECTED_BY && notice == Notice.DECISION) {
        value = estimatedRefundDate(facts, now);
      }
      if (value != null && !(value instanceof String s && s.isBlank())) {
        facts.put(fact, value);
      }
    }
    return facts;
  }

  /** A model without records of its own: the facts its variables hold. */
  private NoticeContext loadFromVariables(Notice notice, DelegateExecution execution) {
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

  private LocalDate estimatedRefundDate(DelegateExecution execution, Instant now) {
    return estimatedRefundDate(string(execution.getVariable("resolution")),
        NoticeFormat.decimal(execution.getVariable("refundAmount")), now);
  }

  private LocalDate estimatedRefundDate(Map<Fact, Object> facts, Instant now) {
    return estimatedRefundDate(string(facts.get(Fact.RESOLUTION)),
        NoticeFormat.decimal(facts.get(Fact.REFUND_AMOUNT)), now);
  }

  /** Refunds decided now are paid right away; the payment takes the policy's business days. */
  private LocalDate estimatedRefundDate(String resolution, BigDecimal refund, Instant now) {
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
