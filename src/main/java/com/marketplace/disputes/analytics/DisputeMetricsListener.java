package com.marketplace.disputes.analytics;

import com.marketplace.disputes.dispute.DisputeProcess;
import com.marketplace.disputes.kernel.AppClock;
import com.marketplace.disputes.refund.RefundService;
import com.marketplace.disputes.refund.RefundService.Paid;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts a dispute's milestones as the steps that reach them end. Each counted step declares its
 * milestone in the model ({@code ${disputeMetricsListener.opened(execution)}} on the end of
 * OpenDispute, and so on), so renaming a step keeps its count. It reads what the step has just
 * written to the dispute's row (in the same transaction), so the metrics use the dashboard's
 * facts, and counts only once the transaction has committed: a step that rolls back and is
 * retried counts once.
 */
@Component("disputeMetricsListener")
public class DisputeMetricsListener {

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

  /** The dispute was opened (eligible and registered). */
  public void opened(DelegateExecution execution) {
    facts(execution).ifPresent(dispute -> afterCommit(() -> metrics.opened(dispute.reason())));
  }

  /** The dispute went to the platform. */
  public void escalated(DelegateExecution execution) {
    facts(execution).ifPresent(dispute ->
        afterCommit(() -> metrics.escalated(dispute.escalationReason())));
  }

  /** The platform's decision was recorded. */
  public void decided(DelegateExecution execution) {
    facts(execution).ifPresent(dispute -> afterCommit(() -> metrics.decided(dispute.decision())));
  }

  /** The dispute was closed: its closure reason and how long it was open. */
  public void closed(DelegateExecution execution) {
    facts(execution).ifPresent(dispute -> {
      Duration sinceOpened = Duration.between(dispute.openedAt().toInstant(),
          AppClock.now());
      afterCommit(() -> metrics.closed(dispute.closureReason(), sinceOpened));
    });
  }

  /**
   * The dispute's row as the step has just written it; empty outside a dispute, or for a
   * process started part-way (as some tests do) with no dispute row: nothing to count.
   */
  private Optional<Facts> facts(DelegateExecution execution) {
    String disputeId = (String) execution.getVariable(DisputeProcess.DISPUTE_ID);
    if (disputeId == null) {
      return Optional.empty();
    }
    return jdbc.sql("""
        select reason, escalation_reason, decision, closure_reason, opened_at
        from dispute where dispute_id = :id""")
        .param("id", disputeId).query(Facts.class).optional();
  }

  /** What the steps above have just written to the dispute's row. */
  private record Facts(String reason, String escalationReason, String decision,
      String closureReason, OffsetDateTime openedAt) {}

  /**
   * The refund step starts: what the dispute was refunded so far. A refund is what the step adds
   * to the dispute's refunds, so a retried or repeated step that pays nothing new counts nothing.
   */
  public void refundStarts(DelegateExecution execution) {
    String disputeId = (String) execution.getVariable(DisputeProcess.DISPUTE_ID);
    if (disputeId == null) {
      return;
    }
    Paid now = refunds.paid(disputeId);
    execution.setVariableLocal(REFUNDED_BEFORE,
        Variables.stringValue(now.payments() + "/" + now.amount().toPlainString(), true));
  }

  /** The refund step ends: what it added to the dispute's refunds is counted. */
  public void refundEnds(DelegateExecution execution) {
    String disputeId = (String) execution.getVariable(DisputeProcess.DISPUTE_ID);
    if (disputeId == null) {
      return;
    }
    Paid now = refunds.paid(disputeId);
    String before = (String) execution.getVariableLocal(REFUNDED_BEFORE);
    String[] parts = before == null ? new String[] {"0", "0"} : before.split("/");
    int payments = (int) (now.payments() - Long.parseLong(parts[0]));
    BigDecimal amount = now.amount().subtract(new BigDecimal(parts[1]));
    if (payments > 0 && now.currency() != null) {
      afterCommit(() -> metrics.refunded(now.currency(), payments, amount));
    }
  }

  /** Counts once the step's transaction (the engine's, which Spring runs) has committed. */
  private static void afterCommit(Runnable count) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      count.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        count.run();
      }
    });
  }
}
