package com.marketplace.disputes.refund;

import com.marketplace.disputes.config.DisputePolicy;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * When a refund reaches the buyer: the policy's number of business days (Saturdays and Sundays
 * do not count) after the UTC day it was paid. The refund records this date, and a notice that
 * announces a refund before it is paid names the same one.
 */
@Component
public class RefundArrival {

  private final DisputePolicy policy;

  public RefundArrival(DisputePolicy policy) {
    this.policy = policy;
  }

  /** The day a refund paid at {@code paidAt} is expected on the buyer's payment method. */
  public LocalDate expectedBy(Instant paidAt) {
    LocalDate day = LocalDate.ofInstant(paidAt, ZoneOffset.UTC);
    int left = policy.getRefundBusinessDays();
    while (left > 0) {
      day = day.plusDays(1);
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        left--;
      }
    }
    return day;
  }

  /**
   * The day a refund decided now arrives, when the decision pays at once: a full or partial
   * refund of more than nothing. A return and refund waits for the return first; its date is
   * known only when it is paid.
   */
  public LocalDate expectedIfPaidNow(String resolution, BigDecimal refund, Instant now) {
    boolean paidAtOnce = "FULL_REFUND".equals(resolution) || "PARTIAL_REFUND".equals(resolution);
    return paidAtOnce && refund != null && refund.signum() > 0 ? expectedBy(now) : null;
  }
}
