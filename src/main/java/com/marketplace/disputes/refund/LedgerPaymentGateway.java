package com.marketplace.disputes.refund;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The built-in payment provider: records each refund in its own ledger table. It behaves like a
 * remote provider would: it commits on its own (outside the caller's transaction, so a caller that
 * rolls back afterwards cannot undo a payment) and deduplicates by idempotency key.
 */
@Component
public class LedgerPaymentGateway implements PaymentGateway {

  private final JdbcClient jdbc;

  public LedgerPaymentGateway(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public String refund(String idempotencyKey, String orderId, BigDecimal amount, String currency) {
    String existing = find(idempotencyKey);
    if (existing != null) {
      return existing;
    }
    String id = "RF-" + UUID.randomUUID();
    try {
      jdbc.sql("""
          insert into payment_ledger (payment_refund_id, idempotency_key, order_id, amount,
            currency, created_at) values (:id, :key, :order, :amount, :currency, :now)""")
          .param("id", id).param("key", idempotencyKey).param("order", orderId)
          .param("amount", amount).param("currency", currency)
          .param("now", Timestamp.from(Instant.now())).update();
      return id;
    } catch (DuplicateKeyException raced) {
      return find(idempotencyKey);
    }
  }

  private String find(String idempotencyKey) {
    return jdbc.sql("select payment_refund_id from payment_ledger where idempotency_key = :key")
        .param("key", idempotencyKey).query(String.class).optional().orElse(null);
  }
}
