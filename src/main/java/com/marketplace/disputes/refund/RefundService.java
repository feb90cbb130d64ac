package com.marketplace.disputes.refund;

import com.marketplace.disputes.kernel.AppClock;
import com.marketplace.disputes.orders.OrderRepository;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Brings the total refunded for a dispute up to the total its recorded outcome calls for, never
 * beyond: a retried job pays nothing twice, and an appeal that raises a partial refund to a full
 * one pays only the difference.
 *
 * <p>Whatever total it is asked for, a payment never takes the refunds of the order (over all
 * its disputes) above what the order cost: the lower of the amount the marketplace pushed and
 * the amount the dispute copied when it opened. Order, currency and amounts are read from the
 * records here, not taken from the caller.
 */
@Service
public class RefundService {

  private static final Logger LOG = LoggerFactory.getLogger(RefundService.class);

  private final JdbcClient jdbc;
  private final PaymentGateway gateway;
  private final RefundArrival arrival;
  private final OrderRepository orders;

  public RefundService(JdbcClient jdbc, PaymentGateway gateway, RefundArrival arrival,
      OrderRepository orders) {
    this.jdbc = jdbc;
    this.gateway = gateway;
    this.arrival = arrival;
    this.orders = orders;
  }

  /** What was refunded, or the latest refund when nothing more was due. */
  public record Refund(String refundId, BigDecimal amount, LocalDate expectedBy) {}

  /** The order behind a dispute, as the records have it. */
  record OrderFacts(String orderId, String currency, BigDecimal disputeOrderAmount,
      BigDecimal orderAmount) {

    /** What the order cost: the lower of the recorded amounts that are known. */
    BigDecimal cost() {
      if (disputeOrderAmount == null || orderAmount == null) {
        return disputeOrderAmount == null ? orderAmount : disputeOrderAmount;
      }
      return disputeOrderAmount.min(orderAmount);
    }
  }

  /**
   * Pays what is due for the dispute: {@code total} minus what the dispute was refunded already,
   * capped at the order's cost minus what the order was refunded already.
   *
   * @param total the refund total the dispute's recorded outcome calls for
   * @return the payment made, or the latest earlier one when nothing was due (null if none)
   */
  public Refund refundUpTo(String disputeId, BigDecimal total) {
    OrderFacts order = jdbc.sql("""
        select d.order_id, d.currency, d.order_amount as dispute_order_amount,
          o.amount as order_amount
        from dispute d left join market_order o on o.order_id = d.order_id
        where d.dispute_id = :id""")
        .param("id", disputeId).query(OrderFacts.class).optional()
        .orElseThrow(() -> new IllegalStateException("No dispute " + disputeId + " to refund"));
    BigDecimal cost = order.cost();
    if (cost == null) {
      throw new IllegalStateException("The order of " + disputeId + " has no recorded amount");
    }
    // Refunds of one order are decided one after the other (a dispute's appeal and a later
    // dispute of the same order could otherwise both see the same refunds and both pay).
    orders.findForUpdate(order.orderId());
    BigDecimal due = total.subtract(refundedSoFar(disputeId));
    BigDecimal left = cost.subtract(refundedForOrder(order.orderId()));
    if (due.compareTo(left) > 0) {
      LOG.warn("{}: a refund total of {} would take order {} over its cost of {}; paying {}",
          disputeId, total.toPlainString(), order.orderId(), cost.toPlainString(),
          left.max(BigDecimal.ZERO).toPlainString());
      due = left;
    }
    if (due.signum() <= 0) {
      return latest(disputeId);
    }
    // The key names the target total, so a retry of the same step reuses it and a later,
    // larger resolution gets a new one.
    String key = disputeId + "/total=" + total.toPlainString();
    String currency = order.currency();
    String refundId = gateway.refund(key, order.orderId(), due, currency);
    Instant now = AppClock.now();
    LocalDate expectedBy = arrival.expectedBy(now);
    jdbc.sql("""
        insert into refund (refund_id, dispute_id, idempotency_key, amount, currency, requested_at,
          expected_by) values (:id, :dispute, :key, :amount, :currency, :now, :expected)""")
        .param("id", refundId).param("dispute", disputeId).param("key", key).param("amount", due)
        .param("currency", currency).param("now", Timestamp.from(now))
        .param("expected", Date.valueOf(expectedBy)).update();
    return new Refund(refundId, due, expectedBy);
  }

  public BigDecimal refundedSoFar(String disputeId) {
    return paid(disputeId).amount();
  }

  /** Every refund of the order's disputes. */
  public BigDecimal refundedForOrder(String orderId) {
    return jdbc.sql("""
        select coalesce(sum(r.amount), 0) from refund r
        join dispute d on d.dispute_id = r.dispute_id where d.order_id = :order""")
        .param("order", orderId).query(BigDecimal.class).single();
  }

  /** The payments made for a dispute so far: how many, their sum, and their currency. */
  public record Paid(long payments, BigDecimal amount, String currency) {}

  /** What the dispute was paid so far, as the refund records have it. */
  public Paid paid(String disputeId) {
    return jdbc.sql("""
        select count(*), coalesce(sum(amount), 0), max(currency)
        from refund where dispute_id = :id""")
        .param("id", disputeId)
        .query((rs, i) -> new Paid(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3)))
        .single();
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
}
