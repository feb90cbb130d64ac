package com.marketplace.disputes.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money on the wire and in variables: a decimal string with two places, never a float. */
public final class Money {

  public static final String ZERO = "0.00";

  private Money() {}

  /** Parses a decimal string; null when it is not one (so callers can report the field). */
  public static BigDecimal parse(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    if (!text.matches("\\d{1,15}(\\.\\d{1,2})?")) {
      return null;
    }
    return new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
  }

  public static String format(BigDecimal amount) {
    return amount == null ? ZERO : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
