package com.marketplace.disputes.refund;

import java.math.BigDecimal;

/**
 * The port to whatever pays refunds back to the buyer's original payment method. Implementations
 * must honour the idempotency key: the same key twice pays once and returns the same id.
 */
public interface PaymentGateway {

  /** Pays {@code amount} back for {@code orderId}; returns the provider's refund id. */
  String refund(String idempotencyKey, String orderId, BigDecimal amount, String currency);
}
