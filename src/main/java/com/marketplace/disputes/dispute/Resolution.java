package com.marketplace.disputes.dispute;

import java.math.BigDecimal;
import java.util.Set;

/**
 * What a dispute carries out (variables {@code resolution}, {@code requestedResolution},
 * {@code offerResolution}). NONE is an outcome only: nobody asks or offers it.
 */
public enum Resolution {
  FULL_REFUND, PARTIAL_REFUND, RETURN_AND_REFUND, REPLACEMENT, NONE;

  /** What a buyer may ask for and a seller may offer. */
  public static final Set<Resolution> REQUESTABLE =
      Set.of(FULL_REFUND, PARTIAL_REFUND, RETURN_AND_REFUND, REPLACEMENT);

  /** What this resolution refunds: the order amount, the agreed part, or nothing. */
  public BigDecimal refund(BigDecimal partialAmount, BigDecimal orderAmount) {
    return switch (this) {
      case FULL_REFUND, RETURN_AND_REFUND -> orderAmount;
      case PARTIAL_REFUND -> partialAmount;
      case REPLACEMENT, NONE -> BigDecimal.ZERO;
    };
  }
}
