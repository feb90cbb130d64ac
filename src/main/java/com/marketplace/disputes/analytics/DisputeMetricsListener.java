package com.marketplace.disputes.analytics;

import com.marketplace.disputes.dispute.DisputeProcess;
import com.marketplace.disputes.kernel.AppClock;
import com.marketplace.disputes.refund.ReturnAndRefundProcess;
import com.marketplace.disputes.refund.RefundService;
import com.marketplace.disputes.refund.RefundService.Paid;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts a dispute's milestones as its steps end. It reads what the step has just written to the
 * dispute's row (in the same transaction), so the metrics use the dashboard's facts, and counts
 * only once the transaction has committed: a step that rolls back and is retried counts once.
 */
@Component
public class DisputeMetricsListener implements ExecutionListener {

  static final String OPEN_DISPUTE = DisputeProcess.OPEN_DISPUTE;
  static final String ESCALATE = DisputeProcess.ESCALATE_TO_PLATFORM;
  static final String RECORD_DECISION = DisputeProcess.RECORD_DECISION;
  static final String CLOSE_DISPUTE = DisputeProcess.CLOSE_DISPUTE;
  static final String ISSUE_REFUND = ReturnAndRefundProcess.ISSUE_REFUND;

  /** What the dispute had been refunded before the refund step, for this transaction only. */
  private static final String REFUNDED_BEFORE = "analyticsRefundedBefore";

  private final JdbcClient jdbc;
  private final DisputeMetrics metrics;
  private final RefundService refunds;

  public DisputeMetricsListener(JdbcClient jdbc, DisputeMetrics metrics, RefundService refunds) {
    this.jdbc = jdbc;
    this.metrics = metrics;
    this.refunds = refunds;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String disputeId = (String) execution.getVariable(DisputeProcess.DISPUTE_ID);
    if (disputeId == null) {
      return;
    }
    String step = execution.getCurrentActivityId();
    if (ISSUE_REFUND.equals(step)) {
      refundStep(execution, disputeId);
      return;
    }
    // A process started part-way (as some tests do) may have no dispute row: nothing to count.
    Facts dispute = jdbc.sql("""
        select reason, escalation_reason, decision, closure_reason, opened_at
        from dispute where dispute_id = :id""")
        .param("id", disputeId).query(Facts.class).optional().orElse(null);
    if (dispute == null) {
      return;
    }
    switch (step) {
      case OPEN_DISPUTE -> afterCommit(() -> metrics.opened(dispute.reason()));
      case ESCALATE -> afterCommit(() -> metrics.escalated(dispute.escalationReason()));
      case RECORD_DECISION -> afterCommit(() -> metrics.decided(dispute.decision()));
      case CLOSE_DISPUTE -> {
        Duration sinceOpened = Duration.between(dispute.openedAt().toInstant(),
            AppClock.now());
        afterCommit(() -> metrics.closed(dispute.closureReason(), sinceOpened));
      }
      default -> { }
    }
  }

  /** What the steps above have just written to the dispute's row. */
  private record Facts(String reason, String escalationReason, String decision,
      String closureReason, OffsetDateTime openedAt) {}

  /**
   * A refund is what the step added to the dispute's refunds: a retried or repeated step that
   * pays nothing new counts nothing.
   */
  private void refundStep(DelegateExecution execution, String disputeId) {
    Paid now = refunds.paid(disputeId);
    if (ExecutionListener.EVENTNAME_START.equals(execution.getEventName())) {
      execution.setVariableLocal(REFUNDED_BEFORE,
          Variables.stringValue(now.payments() + "/" + now.amount().toPlainString(), true));
      return;
    }
    String before = (String) execution.getVariableLocal(REFUNDED_BEFORE);
    String[] parts = before == null ? new String[] {"0", "0"} : before.split("/");
    int payments = (int) (now.payments() - Long.parseLong(parts[0]));
    BigDecimal amount = now.amount().subtract(new BigDecimal(parts[1]));
    if (payments > 0 && now.currency() != null) {
      afterCommit(() -> metrics.refunded(now.currency(), payments, amount));
    }
  }

  private static void afterCommit(Runnable count) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      count.run();
      return;
    }
    context.getTransactionContext()
        .addTransactionListener(TransactionState.COMMITTED, committed -> count.run());
  }
}
