package com.marketplace.disputes.refund;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketplace.disputes.config.DisputePolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The one business-day rule: the refund's record and the decision's notice both use it. */
class RefundArrivalTest {

  private static final Instant FRIDAY_LATE = Instant.parse("2026-11-20T23:30:00Z");
  private static final Instant SATURDAY = Instant.parse("2026-11-21T10:00:00Z");

  @Test
  void weekendsDoNotCountAndTheDayIsTheUtcDayOfThePayment() {
    assertThat(arrival(1).expectedBy(FRIDAY_LATE)).isEqualTo(LocalDate.parse("2026-11-23"));
    assertThat(arrival(1).expectedBy(SATURDAY)).isEqualTo(LocalDate.parse("2026-11-23"));
    assertThat(arrival(5).expectedBy(FRIDAY_LATE)).isEqualTo(LocalDate.parse("2026-11-27"));
    assertThat(arrival(10).expectedBy(FRIDAY_LATE)).isEqualTo(LocalDate.parse("2026-12-04"));
    assertThat(arrival(0).expectedBy(SATURDAY)).isEqualTo(LocalDate.parse("2026-11-21"));
  }

  @Test
  void onlyARefundPaidAtOnceHasADateBeforeItIsPaid() {
    RefundArrival arrival = arrival(10);
    BigDecimal some = new BigDecimal("25.00");
    assertThat(arrival.expectedIfPaidNow("FULL_REFUND", some, FRIDAY_LATE))
        .isEqualTo(LocalDate.parse("2026-12-04"));
    assertThat(arrival.expectedIfPaidNow("PARTIAL_REFUND", some, FRIDAY_LATE))
        .isEqualTo(LocalDate.parse("2026-12-04"));
    assertThat(arrival.expectedIfPaidNow("RETURN_AND_REFUND", some, FRIDAY_LATE)).isNull();
    assertThat(arrival.expectedIfPaidNow("REPLACEMENT", BigDecimal.ZERO, FRIDAY_LATE)).isNull();
    assertThat(arrival.expectedIfPaidNow("PARTIAL_REFUND", BigDecimal.ZERO, FRIDAY_LATE)).isNull();
    assertThat(arrival.expectedIfPaidNow("FULL_REFUND", null, FRIDAY_LATE)).isNull();
  }

  private static RefundArrival arrival(int businessDays) {
    DisputePolicy policy = new DisputePolicy();
    policy.setRefundBusinessDays(businessDays);
    return new RefundArrival(policy);
  }
}
