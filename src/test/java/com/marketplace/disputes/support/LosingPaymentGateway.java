package com.marketplace.disputes.support;

import com.marketplace.disputes.refund.LedgerPaymentGateway;
import com.marketplace.disputes.refund.PaymentGateway;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The built-in ledger provider, which pays and then loses its answer as many times as it is told
 * to: the worst case for a retried refund job. Every test context has it in front of the ledger;
 * until a test tells it to lose answers it is the ledger. A test that tells it calls
 * {@link #reset()} when it is done, since the classes of one context share it.
 */
public class LosingPaymentGateway implements PaymentGateway {

  /** How many of the next refund calls pay but lose the provider's answer. */
  public final AtomicInteger answersToLose = new AtomicInteger();
  /** Refund calls since the last {@link #reset()}. */
  public final AtomicInteger calls = new AtomicInteger();

  private final LedgerPaymentGateway ledger;

  public LosingPaymentGateway(LedgerPaymentGateway ledger) {
    this.ledger = ledger;
  }

  @Override
  public String refund(String idempotencyKey, String orderId, BigDecimal amount,
      String currency) {
    calls.incrementAndGet();
    String id = ledger.refund(idempotencyKey, orderId, amount, currency);
    if (answersToLose.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
      throw new IllegalStateException("answer lost after payment " + id);
    }
    return id;
  }

  public void reset() {
    answersToLose.set(0);
    calls.set(0);
  }
}
