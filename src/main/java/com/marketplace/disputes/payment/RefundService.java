package com.marketplace.disputes.payment;

import com.marketplace.disputes.config.DisputePolicy;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Brings the total refunded for a dispute up to what its resolution says, never beyond: a retried
 * job pays nothing twice, and an appeal that raises a partial refund to a full one pays only the
 * difference.
 */
@Service
public class RefundService {

  private final JdbcClient jdbc;
  private final PaymentGateway gateway;
  private final DisputePolicy policy;

  public RefundService(JdbcClient jdbc, PaymentGateway gateway, DisputePolicy policy) {
    this.jdbc = jdbc;
    this.gateway = gateway;
    this.policy = policy;
  }

  /** What was refunded, or the latest refund when nothing more was due. */
  public record Refund(String refundId, BigDecimal amount, LocalDate expectedBy) {}

  public Refund refundUpTo(String disputeId, String orderId, BigDecimal total, String currency) {
    BigDecimal alreadyRefunded = refundedSoFar(disputeId);
    BigDecimal due = total.subtract(alreadyRefunded);
    if (due.signum() <= 0) {
      return latest(disputeId);
    }
    // The key names the target total, so a retry of the same step reuses it and a later,
    // larger resolution gets a new one.
    String key = disputeId + "/total=" + total.toPlainString();
    String refundId = gateway.refund(key, orderId, due, currency);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    LocalDate expectedBy = addBusinessDays(now.atZone(ZoneOffset.UTC).toLocalDate(),
        policy.getRefundBusinessDays());
    jdbc.sql("""
        insert into refund (refund_id, dispute_id, idempotency_key, amount, currency, requested_at,
          expected_by) values (:id, :dispute, :key, :amount, :currency, :now, :expected)""")
        .param("id", refundId).param("dispute", disputeId).param("key", key).param("amount", due)
        .param("currency", currency).param("now", Timestamp.from(now))
        .param("expected", Date.valueOf(expectedBy)).update();
    return new Refund(refundId, due, expectedBy);
  }

  public BigDecimal refundedSoFar(String disputeId) {
    return jdbc.sql("select coalesce(sum(amount), 0) from refund where dispute_id = :id")
        .param("id", disputeId).query(BigDecimal.class).single();
  }

  private Refund latest(String disputeId) {
    return jdbc.sql("""
        select refund_id, amount, expected_by from refund where dispute_id = :id
        order by requested_at desc limit 1""")
        .param("id", disputeId)
        .query((rs, i) -> new Refund(rs.getString(1), rs.getBigDecimal(2),
            rs.getDate(3).toLocalDate()))
        .optional().orElse(null);
  }

  static LocalDate addBusinessDays(LocalDate from, int days) {
    LocalDate date = from;
    int added = 0;
    while (added < days) {
      date = date.plusDays(1);
      if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
        added++;
      }
    }
    return date;
  }
}
