package com.marketplace.disputes.notification;

import com.marketplace.disputes.config.DisputePolicy;
import com.marketplace.disputes.dispute.DisputeFacts;
import com.marketplace.disputes.dispute.DisputeFacts.Case;
import com.marketplace.disputes.dispute.DisputeRecords;
import com.marketplace.disputes.dispute.DisputeRecords.DisputeRecord;
import com.marketplace.disputes.dispute.DisputeRecords.Outcome;
import com.marketplace.disputes.kernel.Money;
import com.marketplace.disputes.orders.Order;
import com.marketplace.disputes.orders.OrderRepository;
import com.marketplace.disputes.policy.DecisionBasis;
import com.marketplace.disputes.refund.RefundArrival;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import org.springframework.stereotype.Component;

/**
 * Gathers the facts of a notice from the dispute's, contact's or appeal's records, the order, the
 * process variables and the engine's tasks and timers (for the deadline the notice names).
 *
 * <p>Who the parties are, which dispute and order, what the order cost and the outcome are read
 * from the records of the instance's business key, through their repositories; variables are
 * only the facts a step wrote (the claim, an offer, the rationale…).
 */
@Component
class NoticeContextLoader {

  private final DisputeRecords disputes;
  private final OrderRepository orders;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final DisputePolicy policy;
  private final DisputeFacts records;
  private final RefundArrival refundArrival;
  private final DecisionBasis basis;

  NoticeContextLoader(DisputeRecords disputes, OrderRepository orders, TaskService taskService,
      ManagementService managementService, DisputePolicy policy, DisputeFacts records,
      RefundArrival refundArrival, DecisionBasis basis) {
    this.basis = basis;
    this.disputes = disputes;
    this.orders = orders;
    this.taskService = taskService;
    this.managementService = managementService;
    this.policy = policy;
    this.records = records;
    this.refundArrival = refundArrival;
  }

  /** Everything about parties and money from the records of the instance's case. */
  NoticeContext load(Notice notice, DelegateExecution execution) {
    Case c = records.of(execution);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    DisputeRecord dispute = c.disputeId() == null ? null
        : disputes.find(c.disputeId()).orElse(null);
    Order order = c.orderId() == null ? null : orders.find(c.orderId()).orElse(null);
    Optional<Outcome> outcome = c.disputeId() == null ? Optional.empty()
        : records.outcome(c.disputeId());
    Map<Fact, Object> facts = facts(notice, execution, now, outcome, c);
    Task task = notice.turn == null ? null : openTask(execution, notice.turn);
    Instant deadline = notice.turn == null ? null
        : deadline(execution, notice.turn, task, dispute, now);
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
        dispute == null ? null : instant(dispute.closedAt()),
        now);
  }

  /**
   * The facts the notice shows; the outcome and its refund as recorded, where there is one, and
   * the rules a decision applied as recorded with it (the appeal's own for an appeal).
   */
  private Map<Fact, Object> facts(Notice notice, DelegateExecution execution, Instant now,
      Optional<Outcome> outcome, Case c) {
    Map<Fact, Object> facts = new LinkedHashMap<>();
    for (Fact fact : notice.facts) {
      Object value = execution.getVariable(fact.variable);
      if (fact == Fact.DECISION_RULES) {
        String decisionId = c.appealId() != null ? c.appealId() : c.disputeId();
        List<String> rules = decisionId == null ? List.of() : basis.rules(decisionId);
        value = rules.isEmpty() ? null : rules;
      }
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
  private Instant deadline(DelegateExecution execution, Turn turn, Task task,
      DisputeRecord dispute, Instant now) {
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
    return dispute == null ? null : instant(dispute.dueAt());
  }

  private LocalDate estimatedRefundDate(Map<Fact, Object> facts, Instant now) {
    return estimatedRefundDate(string(facts.get(Fact.RESOLUTION)),
        NoticeFormat.decimal(facts.get(Fact.REFUND_AMOUNT)), now);
  }

  /** Refunds decided now are paid right away, and arrive as any refund does. */
  private LocalDate estimatedRefundDate(String resolution, BigDecimal refund, Instant now) {
    return refundArrival.expectedIfPaidNow(resolution, refund, now);
  }

  private static Instant instant(OffsetDateTime value) {
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
}
